(function () {
  function closeAll() {
    document.querySelectorAll('.dropdown-container .dropdown').forEach(function (d) { d.hidden = true; });
    document.querySelectorAll('.dropdown-trigger').forEach(function (t) { t.setAttribute('aria-expanded', 'false'); });
  }
  document.querySelectorAll('.dropdown-trigger').forEach(function (trigger) {
    trigger.addEventListener('click', function (ev) {
      ev.preventDefault();
      ev.stopPropagation();
      var box = trigger.parentNode.querySelector('.dropdown');
      var wasOpen = !box.hidden;
      closeAll();
      box.hidden = wasOpen;
      trigger.setAttribute('aria-expanded', wasOpen ? 'false' : 'true');
    });
  });
  document.addEventListener('click', closeAll);
  var notice = document.getElementById('cookies');
  if (notice && document.cookie.indexOf('praat_cookie_ok=1') === -1) {
    notice.hidden = false;
    document.getElementById('cookie-ok').addEventListener('click', function () {
      document.cookie = 'praat_cookie_ok=1; path=/; max-age=31536000';
      notice.hidden = true;
    });
  }
  var del = document.getElementById('del-cookies');
  if (del) del.addEventListener('click', function () {
    document.cookie = 'praat_cookie_ok=; path=/; max-age=0';
    location.href = './index.php';
  });
})();
