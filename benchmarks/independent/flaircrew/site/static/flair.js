(function () {
  // Hamburger menu: the navigation (and the legal links) only show after a click.
  var burger = document.querySelector('.burger');
  var menu = document.getElementById('site-menu');
  if (burger && menu) {
    burger.addEventListener('click', function () {
      var open = burger.getAttribute('aria-expanded') === 'true';
      burger.setAttribute('aria-expanded', open ? 'false' : 'true');
      if (open) { menu.setAttribute('hidden', ''); } else { menu.removeAttribute('hidden'); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { burger.setAttribute('aria-expanded', 'false'); menu.setAttribute('hidden', ''); }
    });
  }
  // Cookie banner: blocks the page until a choice is made; the choice is kept in localStorage.
  var veil = document.getElementById('cookie-veil');
  var choice = null;
  try { choice = window.localStorage.getItem('fc_cookie_choice'); } catch (e) { choice = null; }
  if (veil && !choice) {
    veil.removeAttribute('hidden');
    document.body.classList.add('locked');
    veil.querySelectorAll('button[data-consent]').forEach(function (b) {
      b.addEventListener('click', function () {
        try { window.localStorage.setItem('fc_cookie_choice', b.getAttribute('data-consent')); } catch (e) {}
        veil.setAttribute('hidden', '');
        document.body.classList.remove('locked');
      });
    });
  }
  // Character counter on the application message.
  var note = document.getElementById('cover-note');
  var count = document.getElementById('cover-count');
  if (note && count) {
    note.addEventListener('input', function () { count.textContent = String(note.value.length) + ' / 1200'; });
  }
})();
