(function () {
  "use strict";
  // The "more options" menu is added a little after load (it used to be a separately loaded widget).
  var holder = document.querySelector(".actions[data-profile]");
  if (!holder) return;
  setTimeout(function () {
    var wrap = document.createElement("div");
    wrap.innerHTML =
      '<button type="button" class="more" aria-label="More options" title="More options" aria-haspopup="menu" aria-expanded="false">&#8943;</button>' +
      '<div class="menu" role="menu" hidden>' +
      '<button type="button" role="menuitem" class="share">Share profile</button>' +
      '<a role="menuitem" href="/favourites?add=' + holder.getAttribute("data-profile") + '">Add to favourites</a>' +
      '<button type="button" role="menuitem" class="safety" aria-haspopup="menu" aria-expanded="false">Safety &amp; reporting &rsaquo;</button>' +
      '</div>' +
      '<div class="menu sub" role="menu" hidden>' +
      '<a role="menuitem" href="/report">Report this profile</a>' +
      '<a role="menuitem" href="/support">Safety advice</a>' +
      '</div>';
    while (wrap.firstChild) holder.appendChild(wrap.firstChild);
    var more = holder.querySelector(".more"), menu = holder.querySelector(".menu:not(.sub)"), sub = holder.querySelector(".menu.sub");
    more.addEventListener("click", function (e) { e.stopPropagation(); sub.hidden = true; menu.hidden = !menu.hidden; more.setAttribute("aria-expanded", String(!menu.hidden)); });
    holder.querySelector(".safety").addEventListener("click", function (e) { e.stopPropagation(); menu.hidden = true; sub.hidden = false; });
    holder.querySelector(".share").addEventListener("click", function () { this.textContent = "Link copied"; });
    document.addEventListener("click", function () { menu.hidden = true; sub.hidden = true; more.setAttribute("aria-expanded", "false"); });
  }, 1200);
})();
