(function () {
  var balk = document.getElementById('cookiebalk');
  if (!balk) return;
  var keuze = null;
  try { keuze = localStorage.getItem('ll_cookiekeuze'); } catch (e) {}
  if (!keuze) balk.hidden = false;
  balk.addEventListener('click', function (ev) {
    var knop = ev.target.closest('button[data-cookie]');
    if (!knop) return;
    try { localStorage.setItem('ll_cookiekeuze', knop.getAttribute('data-cookie')); } catch (e) {}
    balk.hidden = true;
  });
})();
