(function () {
  document.querySelectorAll('.dd-toggle').forEach(function (btn) {
    btn.addEventListener('click', function (ev) {
      ev.stopPropagation();
      var menu = document.getElementById(btn.getAttribute('aria-controls'));
      var open = btn.getAttribute('aria-expanded') === 'true';
      document.querySelectorAll('.dd-toggle').forEach(function (b) {
        b.setAttribute('aria-expanded', 'false');
        document.getElementById(b.getAttribute('aria-controls')).hidden = true;
      });
      btn.setAttribute('aria-expanded', open ? 'false' : 'true');
      menu.hidden = open;
    });
  });
  document.addEventListener('click', function () {
    document.querySelectorAll('.dd-toggle').forEach(function (b) {
      b.setAttribute('aria-expanded', 'false');
      document.getElementById(b.getAttribute('aria-controls')).hidden = true;
    });
  });
  var show = document.getElementById('show-number');
  if (show) {
    show.addEventListener('click', function () {
      fetch('/api/number/' + show.dataset.slug + '.json', {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (d) {
          var out = document.getElementById('number-out');
          out.innerHTML = '<a href="tel:' + d.number.replace(/\s/g, '') + '">' + d.number + '</a> <small>' + d.note + '</small>';
          show.hidden = true;
        });
    });
  }
  document.querySelectorAll('[data-fav]').forEach(function (b) {
    b.addEventListener('click', function () { location.href = '/account/favourites?add=' + b.dataset.fav; });
  });
  var bar = document.getElementById('cookie-bar');
  if (bar && document.cookie.indexOf('vr_cookies=1') === -1) {
    bar.hidden = false;
    document.getElementById('cookie-ok').addEventListener('click', function () {
      document.cookie = 'vr_cookies=1; path=/; max-age=31536000; SameSite=Lax';
      bar.hidden = true;
    });
  }
})();
