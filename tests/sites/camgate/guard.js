// Sends every visitor without the pass to the age check.
if (localStorage.getItem('av_pass') !== 'ok') {
  location.replace('/check.html?next=' + encodeURIComponent(location.pathname));
}
