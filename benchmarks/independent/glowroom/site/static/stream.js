// Chat replay: every message has a report button and a ⋯ menu with block and mute.
(function () {
  var list = document.getElementById('messages');
  var lines = [['nightowl_88', 'that song choice 🔥'], ['petra.k', 'hi from Leeds!'], ['tomasz', 'how long is the show tonight?'],
    ['quietguy', 'first time here, you seem lovely'], ['dj_ro', 'tipped for the playlist'], ['sol', 'good evening everyone']];
  lines.forEach(function (m, i) {
    var li = document.createElement('li'); li.id = 'msg-' + (i + 1);
    li.innerHTML = '<b></b> <span></span> ' +
      '<button type="button" class="icon report" data-report="message" data-message="' + (i + 1) + '" aria-label="Report" data-tooltip="Report this message">⚑</button>' +
      '<button type="button" class="icon more" aria-label="More" aria-haspopup="menu" data-tooltip="More options">⋯</button>' +
      '<ul class="menu" role="menu" hidden><li><button type="button" role="menuitem">Mute</button></li><li><button type="button" role="menuitem">Block</button></li></ul>';
    li.querySelector('b').textContent = m[0]; li.querySelector('span').textContent = m[1];
    list.appendChild(li);
  });
  list.addEventListener('click', function (ev) {
    var b = ev.target.closest('button.more'); if (!b) return;
    var m = b.nextElementSibling; m.hidden = !m.hidden;
  });
})();
