(function () {
  var form = document.getElementById('dob-form');
  var err = document.getElementById('dob-error');
  form.addEventListener('submit', function (ev) {
    var d = +form.d.value, m = +form.m.value, y = +form.y.value;
    var now = new Date();
    var age = now.getFullYear() - y;
    if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
    if (!(age >= 18)) {
      ev.preventDefault();
      err.hidden = false;
    }
  });
  document.getElementById('leave').addEventListener('click', function () { history.back(); });
})();
