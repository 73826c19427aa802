(function () {
  var q = new URLSearchParams(location.search), thread = (q.get('thread') || '').replace(/[^a-z0-9-]/g, '');
  var lijst = document.getElementById('lijst'), modaal = document.getElementById('modaal');
  function toon(reacties) {
    document.getElementById('aantal').textContent = reacties.length + ' reacties';
    reacties.forEach(function (r, i) {
      var li = document.createElement('li'); li.className = 'rb-reactie';
      li.innerHTML = '<div class="rb-wie"><b></b> <time></time></div><p></p>' +
        '<div class="rb-acties"><button type="button" class="rb-like">♥ <span></span></button> ' +
        '<button type="button" class="rb-antw">Beantwoorden</button> ' +
        '<button type="button" class="rb-markeer" title="Markeer als ongepast">⚑ Markeer</button></div>';
      li.querySelector('b').textContent = r.naam; li.querySelector('time').textContent = r.wanneer;
      li.querySelector('p').textContent = r.tekst; li.querySelector('.rb-like span').textContent = r.likes;
      lijst.appendChild(li);
    });
  }
  fetch('threads/' + thread + '.json').then(function (r) { return r.ok ? r.json() : []; }).then(toon, function () { toon([]); });
  document.addEventListener('click', function (e) {
    if (e.target.closest('.rb-markeer, .rb-antw, .rb-like')) { modaal.hidden = false; }
    if (e.target.id === 'sluit') { modaal.hidden = true; }
  });
})();
