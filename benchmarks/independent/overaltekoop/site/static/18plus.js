// 18+ melding voor de contactrubriek. Onthoudt het antwoord in de browser.
(function () {
  var overlay = document.getElementById('leeftijd-overlay');
  if (!overlay) return;
  if (window.localStorage && localStorage.getItem('otk_18plus') === 'ja') {
    overlay.parentNode.removeChild(overlay);
    return;
  }
  document.getElementById('ja18').onclick = function () {
    try { localStorage.setItem('otk_18plus', 'ja'); } catch (e) {}
    overlay.parentNode.removeChild(overlay);
  };
})();
