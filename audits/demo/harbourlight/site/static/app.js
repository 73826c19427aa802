// Harbourlight: the "⋯" menu on a profile opens on click, and the report sheet is built when
// "Report profile" is chosen. Block and mute need a profile (they go to the sign-in page).
(function () {
  'use strict';
  var profile = document.querySelector('[data-profile]');
  if (!profile) return;
  var handle = profile.getAttribute('data-profile');
  var name = profile.querySelector('h1').textContent.split(',')[0];
  var dots = profile.querySelector('.dots');
  var menu = profile.querySelector('.menu');

  function close() {
    menu.hidden = true;
    dots.setAttribute('aria-expanded', 'false');
  }
  dots.addEventListener('click', function (e) {
    e.stopPropagation();
    menu.hidden = !menu.hidden;
    dots.setAttribute('aria-expanded', String(!menu.hidden));
  });
  menu.addEventListener('click', function (e) {
    var act = e.target.getAttribute('data-act');
    if (!act) return;
    close();
    if (act === 'report') openSheet();
    else if (act === 'block' || act === 'mute') location.href = '/signin?next=/profile/' + handle;
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
  document.addEventListener('click', function (e) { if (!menu.hidden && !menu.contains(e.target)) close(); });

  function openSheet() {
    var sheet = document.createElement('div');
    sheet.className = 'sheet';
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-modal', 'true');
    sheet.setAttribute('aria-label', 'Report this profile');
    var reasons = ['Fake profile or someone else\u2019s photos', 'They look younger than 18',
      'Exploitation or human trafficking (someone is controlled or forced)', 'Asking for money', 'Harassment or hate',
      'Something else'];
    var opts = reasons.map(function (r, i) {
      return '<label class="opt"><input type="radio" name="why" value="r' + i + '"> ' + r + '</label>';
    }).join('');
    sheet.innerHTML =
      '<form class="report" method="post" action="/reports">' +
      '<h2>Report ' + name + '</h2>' +
      '<fieldset><legend>What is wrong?</legend>' + opts + '</fieldset>' +
      '<label>Tell us more<textarea name="story" rows="4"></textarea></label>' +
      '<input type="hidden" name="profile_url" value="' + location.href + '">' +
      '<label>Your name (you may leave this empty)<input name="who"></label>' +
      '<label>Your e-mail, if you want an answer<input type="email" name="reply_to"></label>' +
      '<label class="opt"><input type="checkbox" name="sincere" required> I report this in good faith and to the best of my knowledge</label>' +
      '<p class="muted">No profile needed. We confirm every report by e-mail when you leave an address.</p>' +
      '<button type="submit">Send report</button> <button type="button" class="ghost" data-close>Cancel</button>' +
      '</form>';
    sheet.querySelector('[data-close]').addEventListener('click', function () { sheet.remove(); });
    document.body.appendChild(sheet);
  }
})();
