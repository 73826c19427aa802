(function () {
  var el = document.getElementById('performer'), h = el.getAttribute('data-handle');
  fetch('/api/performer/' + h + '.json').then(function (r) { return r.json(); }).then(function (p) {
    document.getElementById('bio').textContent = p.bio;
    var s = document.getElementById('schedule');
    p.schedule.forEach(function (x) { var li = document.createElement('li'); li.textContent = x; s.appendChild(li); });
    var c = document.getElementById('clips');
    p.clips.forEach(function (x) {
      var d = document.createElement('div'); d.className = 'clip';
      d.innerHTML = '<span></span> <button type="button" class="icon report" data-report="clip" aria-label="Report" data-tooltip="Report this clip">⚑</button>';
      d.querySelector('span').textContent = x; c.appendChild(d);
    });
  });
})();
