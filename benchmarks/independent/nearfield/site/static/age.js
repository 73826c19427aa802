// Date-of-birth step before browsing. The server gives the browsing token; we refuse under-18s here
// and the server refuses them again when it reads the date.
(function () {
  var form = document.getElementById('age-form');
  var error = document.getElementById('age-error');
  form.addEventListener('submit', function (event) {
    var d = parseInt(form.day.value, 10), m = parseInt(form.month.value, 10), y = parseInt(form.year.value, 10);
    var born = new Date(y, m - 1, d);
    if (!d || !m || !y || born.getMonth() !== m - 1 || y < 1900) {
      event.preventDefault();
      error.textContent = 'Please enter a real date, like 07 03 1994.';
      error.hidden = false;
      return;
    }
    var now = new Date();
    var age = now.getFullYear() - y - ((now.getMonth() < m - 1 || (now.getMonth() === m - 1 && now.getDate() < d)) ? 1 : 0);
    if (age < 18) {
      event.preventDefault();
      error.textContent = "Sorry, Nearfield is only for people aged 18 and over. If you're worried about someone you met online, Childline is free on 0800 1111.";
      error.hidden = false;
      form.querySelector('button').disabled = true;
    }
  });
})();
