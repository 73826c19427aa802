/* Zwerm: kleine verbeteringen bovenop de server-pagina's (alles werkt ook zonder script). */
(function () {
  "use strict";

  // Cookiebanner: de keuze blijft op dit apparaat (localStorage), er wordt niets verstuurd.
  var banner = document.getElementById("cookiebanner");
  if (banner && !localStorage.getItem("zwerm_cookies")) { banner.hidden = false; }
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-cookies]");
    if (!b) { return; }
    if (b.getAttribute("data-cookies") === "opnieuw") {
      localStorage.removeItem("zwerm_cookies");
      if (banner) { banner.hidden = false; }
      return;
    }
    localStorage.setItem("zwerm_cookies", b.getAttribute("data-cookies"));
    if (banner) { banner.hidden = true; }
  });

  // Delen: een deelvenster in plaats van de losse deelpagina.
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest("a[data-delen]");
    if (!a) { return; }
    ev.preventDefault();
    openDeelvenster(a.getAttribute("data-delen"), a.getAttribute("data-titel"));
  });

  function openDeelvenster(pad, titel) {
    var oud = document.getElementById("deelvenster");
    if (oud) { oud.remove(); }
    var link = location.origin + pad;
    var d = document.createElement("dialog");
    d.id = "deelvenster";
    d.className = "deelvenster";
    d.setAttribute("aria-label", "Delen");
    d.innerHTML =
      '<h2>Delen</h2><p class="klein"></p>' +
      '<div class="deelrij">' +
      '<button type="button" data-actie="kopie">&#128279;<span>Link kopiëren</span></button>' +
      '<button type="button" data-actie="insluiten">&lt;/&gt;<span>Insluiten</span></button>' +
      '<a href="/berichten?delen=' + encodeURIComponent(pad) + '">&#9993;<span>In een bericht</span></a>' +
      '<a href="/melden?url=' + encodeURIComponent(pad) + '" class="meld">&#9873;<span>Melden</span></a>' +
      '</div><p class="status" aria-live="polite"></p>' +
      '<button type="button" class="sluit" data-actie="sluit">Annuleren</button>';
    d.querySelector(".klein").textContent = titel || "";
    document.body.appendChild(d);
    d.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-actie]");
      if (!b) { return; }
      var actie = b.getAttribute("data-actie");
      if (actie === "sluit") { d.close(); d.remove(); return; }
      var tekst = actie === "kopie" ? link : '<iframe src="' + link + '/insluiten" width="320" height="568"></iframe>';
      var status = d.querySelector(".status");
      if (navigator.clipboard) {
        navigator.clipboard.writeText(tekst).then(function () { status.textContent = "Gekopieerd!"; }, function () { status.textContent = tekst; });
      } else {
        status.textContent = tekst;
      }
    });
    d.showModal();
  }

  // Aanmelden: onder de 16 kan niet.
  var form = document.querySelector("form[data-leeftijd]");
  if (form) {
    var gd = form.querySelector("input[name=geboortedatum]");
    var fout = document.getElementById("a-fout");
    var teJong = function () {
      if (!gd.value) { return false; }
      var g = new Date(gd.value), n = new Date();
      var leeftijd = n.getFullYear() - g.getFullYear() - ((n.getMonth() < g.getMonth() || (n.getMonth() === g.getMonth() && n.getDate() < g.getDate())) ? 1 : 0);
      return leeftijd < 16;
    };
    gd.addEventListener("change", function () { fout.hidden = !teJong(); });
    form.addEventListener("submit", function (ev) {
      if (teJong()) { ev.preventDefault(); fout.hidden = false; gd.focus(); }
    });
  }
})();
