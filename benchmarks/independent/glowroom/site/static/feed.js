// Infinite scroll over /api/performers.json, twelve cards at a time.
(function () {
  var grid = document.getElementById('grid'), loader = document.getElementById('loader');
  var all = [], shown = 0;
  function card(p) {
    var a = document.createElement('a'); a.className = 'card'; a.href = '/performer/' + p.handle;
    a.innerHTML = '<div class="thumb">' + (p.live ? '<span class="live">LIVE</span>' : '') + '</div>' +
      '<strong></strong><span class="sub"></span>';
    a.querySelector('strong').textContent = p.name;
    a.querySelector('.sub').textContent = p.country + ' · ' + (p.live ? p.viewers + ' watching' : 'offline');
    return a;
  }
  function more() {
    var next = all.slice(shown, shown + 12); shown += next.length;
    next.forEach(function (p) { grid.appendChild(card(p)); });
    if (shown >= all.length) loader.textContent = 'You have seen everyone who is live.';
  }
  fetch(grid.getAttribute('data-feed')).then(function (r) { return r.json(); }).then(function (d) {
    all = d; more();
    new IntersectionObserver(function (e) { if (e[0].isIntersecting) more(); }).observe(loader);
  });
})();
