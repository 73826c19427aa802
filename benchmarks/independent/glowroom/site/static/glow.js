// Cookie wall, language switcher, report dialogs (shared by every page).
(function () {
  var wall = document.getElementById('cookiewall');
  function choice() { try { return localStorage.getItem('gr_consent'); } catch (e) { return null; } }
  if (wall && !choice()) { wall.hidden = false; document.body.classList.add('locked'); }
  document.addEventListener('click', function (ev) {
    var t = ev.target.closest('[data-consent]');
    if (t) {
      try { localStorage.setItem('gr_consent', t.getAttribute('data-consent')); } catch (e) {}
      wall.hidden = true; document.body.classList.remove('locked');
      return;
    }
    if (ev.target.closest('[data-reopen-consent]')) { wall.hidden = false; return; }
    var lb = ev.target.closest('.lang-btn');
    if (lb) {
      var menu = lb.parentNode.querySelector('.lang-menu');
      menu.hidden = !menu.hidden; lb.setAttribute('aria-expanded', String(!menu.hidden));
      return;
    }
    var rb = ev.target.closest('button.report');
    if (rb) {
      var dlg = document.getElementById('report-dialog');
      if (!dlg) return;
      dlg.querySelector('input[name=kind]').value = rb.getAttribute('data-report');
      var loc = dlg.querySelector('input[name=location]');
      var base = location.origin + location.pathname;
      loc.value = rb.getAttribute('data-message') ? base + '#msg-' + rb.getAttribute('data-message') : base;
      dlg.showModal();
      return;
    }
    if (ev.target.closest('[data-close]')) { ev.target.closest('dialog').close(); }
  });
  // tooltips for icon buttons
  document.addEventListener('mouseover', function (ev) {
    var b = ev.target.closest('[data-tooltip]');
    if (!b || b.querySelector('.tip')) return;
    var s = document.createElement('span'); s.className = 'tip'; s.setAttribute('role', 'tooltip');
    s.textContent = b.getAttribute('data-tooltip'); b.appendChild(s);
    b.addEventListener('mouseleave', function () { s.remove(); }, { once: true });
  });
})();
