/* Wijkmarkt: cookiebalk, "Meer"-menu per advertentie, dialogen. */
(function () {
  "use strict";
  var balk = document.getElementById("cookiebalk");
  if (balk && !document.cookie.match(/wm_cookies=/)) {
    balk.hidden = false;
    balk.addEventListener("click", function (e) {
      var k = e.target.getAttribute("data-keuze");
      if (!k) return;
      document.cookie = "wm_cookies=" + k + "; path=/; max-age=31536000";
      balk.hidden = true;
    });
  }

  function sluitMenus() {
    document.querySelectorAll(".meer-menu").forEach(function (m) { m.remove(); });
    document.querySelectorAll(".meer-knop").forEach(function (b) { b.setAttribute("aria-expanded", "false"); });
  }

  function item(tekst, actie) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("role", "menuitem");
    b.textContent = tekst;
    b.addEventListener("click", function () { sluitMenus(); actie(); });
    return b;
  }

  document.querySelectorAll(".meer-knop").forEach(function (knop) {
    knop.addEventListener("click", function (e) {
      e.stopPropagation();
      var open = knop.getAttribute("aria-expanded") === "true";
      sluitMenus();
      if (open) return;
      var menu = document.createElement("div");
      menu.className = "meer-menu";
      menu.setAttribute("role", "menu");
      menu.appendChild(item("Rapporteer", function () { document.getElementById("rapporteer").showModal(); }));
      menu.appendChild(item("Verkoper blokkeren", function () { document.getElementById("blokkeer").showModal(); }));
      menu.appendChild(item("Delen", function () {
        if (navigator.clipboard) navigator.clipboard.writeText(location.href);
      }));
      knop.parentNode.appendChild(menu);
      knop.setAttribute("aria-expanded", "true");
    });
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest(".meer-menu")) sluitMenus();
  });
  document.querySelectorAll("[data-sluit]").forEach(function (b) {
    b.addEventListener("click", function () { b.closest("dialog").close(); });
  });
})();
