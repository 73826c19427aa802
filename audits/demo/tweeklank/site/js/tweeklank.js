/* Tweeklank web app: renders header, footer and pages from /api/*.json. */
(function () {
  "use strict";
  var body = document.body, app = document.getElementById("app");
  var pagina = body.getAttribute("data-pagina"), id = body.getAttribute("data-id");

  function el(html) { var t = document.createElement("template"); t.innerHTML = html.trim(); return t.content; }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
  function avatar(p, size) {
    var initiaal = esc(p.naam.charAt(0));
    return '<svg viewBox="0 0 200 200" width="' + size + '" height="' + size + '" role="img" aria-label="Foto van ' + esc(p.naam) + '">' +
      '<rect width="200" height="200" fill="' + esc(p.kleur) + '"/><circle cx="100" cy="80" r="38" fill="#fff6"/><path d="M30 200c6-52 36-78 70-78s64 26 70 78z" fill="#fff6"/>' +
      '<text x="100" y="92" font-size="34" text-anchor="middle" fill="#fff" font-family="sans-serif">' + initiaal + '</text></svg>';
  }

  // ---- header and footer
  document.getElementById("kop").appendChild(el(
    '<header class="kop"><div class="in">' +
    '<a class="merk" href="/"><img src="/favicon.svg" alt="" width="28" height="28">Tweeklank</a>' +
    '<nav aria-label="Hoofdmenu"><a href="/ontdek">Ontdek</a><a href="/help#hoe-het-werkt">Hoe het werkt</a><a href="/help">Help</a></nav>' +
    '<div class="rechts"><a href="/inloggen">Inloggen</a> &nbsp; <a class="knop" href="/aanmelden">Gratis aanmelden</a></div>' +
    '</div></header>'));
  document.getElementById("voet").appendChild(el(
    '<footer class="voet"><div class="in kolommen">' +
    '<div><strong>Tweeklank</strong><p>Daten voor mensen die iets echts zoeken. Alle profielen zijn gecontroleerd met een identiteitsbewijs.</p></div>' +
    '<div><strong>Ontdekken</strong><ul><li><a href="/ontdek">Alle profielen</a></li><li><a href="/aanmelden">Aanmelden</a></li><li><a href="/inloggen">Inloggen</a></li></ul></div>' +
    '<div><strong>Service</strong><ul><li><a href="/help">Helpcentrum</a></li><li><a href="/autoriteiten">Voor autoriteiten</a></li></ul></div>' +
    '<div><strong>Juridisch</strong><ul><li><a href="/voorwaarden">Gebruiksvoorwaarden</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li></ul></div>' +
    '</div><div class="in"><p>&copy; 2025 Tweeklank B.V. Alleen voor 18+.</p></div></footer>'));

  // ---- pages
  function kaart(p) {
    return '<a class="kaart" href="/profiel/' + p.id + '">' + avatar(p, "100%") +
      '<div class="tekst"><h3>' + esc(p.naam) + ', ' + p.leeftijd + '</h3><div class="klein">' + esc(p.stad) + ' &middot; ' + esc(p.online) + '</div>' +
      '<div class="vinkje">&#10003; ID geverifieerd</div></div></a>';
  }
  function laadProfielen(cb) {
    fetch("/api/profielen.json").then(function (r) { return r.json(); }).then(cb);
  }
  var pages = {
    start: function () {
      app.appendChild(el('<section class="held"><h1>Vind iemand die met je meeklinkt</h1><p>Tweeklank koppelt je aan mensen in jouw buurt die hetzelfde zoeken. Iedereen op Tweeklank is 18+ en heeft zijn identiteit laten controleren.</p><a class="knop" href="/aanmelden">Gratis aanmelden</a> <a class="knop licht" href="/ontdek">Eerst rondkijken</a></section><h2>Nieuw op Tweeklank</h2><div class="raster" id="raster"></div><p><a href="/ontdek">Bekijk alle profielen &rarr;</a></p>'));
      laadProfielen(function (ps) { document.getElementById("raster").innerHTML = ps.slice(0, 12).map(kaart).join(""); });
    },
    ontdek: function () {
      app.appendChild(el('<h1>Ontdek</h1><p class="klein">Profielen in heel Nederland, nieuwste eerst.</p><div class="raster" id="raster"></div>'));
      laadProfielen(function (ps) { document.getElementById("raster").innerHTML = ps.map(kaart).join(""); });
    },
    profiel: function () {
      fetch("/api/profiel/" + encodeURIComponent(id) + ".json").then(function (r) { return r.json(); }).then(function (p) {
        app.appendChild(el(
          '<div class="profiel"><div>' + avatar(p, "100%") + '</div><div>' +
          '<h1>' + esc(p.naam) + ', ' + p.leeftijd + '</h1><p class="klein">' + esc(p.stad) + ' &middot; ' + esc(p.online) + ' &middot; <span class="vinkje">&#10003; ID geverifieerd</span></p>' +
          '<div class="acties"><a class="knop" href="/berichten/nieuw?aan=' + p.id + '">Stuur bericht</a>' +
          '<button class="puntjes" type="button" aria-label="Meer opties" title="Meer opties" aria-haspopup="menu" aria-expanded="false">&#8943;</button>' +
          '<ul class="menu" role="menu" hidden>' +
          '<li role="none"><a role="menuitem" href="/melden/profiel/' + p.id + '">Profiel melden</a></li>' +
          '<li role="none"><a role="menuitem" href="/profiel/' + p.id + '/blokkeren">Blokkeren</a></li>' +
          '<li role="none"><a role="menuitem" href="/profiel/' + p.id + '/negeren">Negeren (dempen)</a></li></ul></div>' +
          '<p class="veilig"><strong>Veilig contact.</strong> Tweeklank vraagt je nooit om geld, en jouw match ook niet. Deel geen adres, bankgegevens of intieme foto\'s met iemand die je nog niet kent. Vraagt iemand om geld, lijkt iemand onder druk te staan of jonger dan 18? Meld het profiel via het menu &#8943;.</p>' +
          '<div class="blok"><h2>Over ' + esc(p.naam) + '</h2><p>' + esc(p.over) + '</p><p><strong>Zoekt:</strong> ' + esc(p.zoekt) + '</p><p><strong>Lengte:</strong> ' + p.lengte + ' cm</p>' +
          '<div class="labels">' + p.interesses.map(function (i) { return "<span>" + esc(i) + "</span>"; }).join("") + '</div></div>' +
          '<p><a href="/ontdek">&larr; Terug naar ontdekken</a></p></div></div>'));
        var knop = app.querySelector(".puntjes"), menu = app.querySelector(".menu");
        knop.addEventListener("click", function (e) {
          e.stopPropagation(); menu.hidden = !menu.hidden; knop.setAttribute("aria-expanded", String(!menu.hidden));
        });
        document.addEventListener("click", function () { menu.hidden = true; knop.setAttribute("aria-expanded", "false"); });
      });
    },
    aanmelden: function () {
      app.appendChild(el(
        '<article class="tekstpagina"><h1>Gratis aanmelden</h1>' +
        '<p>Aanmelden gaat in drie stappen. Na stap 1 sturen we je een e-mail met een bevestigingslink en een sms met een code: je account werkt pas als je allebei hebt bevestigd.</p>' +
        '<form method="post" action="/aanmelden"><h2>Stap 1: je gegevens</h2>' +
        '<label for="a-naam">Voornaam</label><input id="a-naam" name="voornaam" required>' +
        '<label for="a-mail">E-mailadres</label><input id="a-mail" name="email" type="email" required>' +
        '<label for="a-tel">Mobiel nummer (voor de sms-code)</label><input id="a-tel" name="mobiel" type="tel" required>' +
        '<label for="a-ww">Wachtwoord</label><input id="a-ww" name="wachtwoord" type="password" required minlength="10">' +
        '<label for="a-gd">Geboortedatum</label><input id="a-gd" name="geboortedatum" type="date" required>' +
        '<label for="a-zoekt">Ik zoek</label><select id="a-zoekt" name="zoekt"><option>Een man</option><option>Een vrouw</option><option>Maakt niet uit</option></select>' +
        '<p><input type="checkbox" id="a-av" name="voorwaarden" required> <label for="a-av" style="display:inline;font-weight:400">Ik ga akkoord met de <a href="/voorwaarden">gebruiksvoorwaarden</a> en het <a href="/privacy">privacybeleid</a></label></p>' +
        '<p><button class="knop" type="submit">Verder naar stap 2</button></p></form>' +
        '<h2>Stap 2: bevestig je e-mailadres en mobiele nummer</h2><p>Klik op de link in onze e-mail en vul de code uit de sms in.</p>' +
        '<h2>Stap 3: identiteitscontrole met VerifyMe ID</h2>' +
        '<p>Voordat je profiel zichtbaar wordt, controleert onze partner VerifyMe ID je identiteitsbewijs (paspoort, ID-kaart of rijbewijs) en maak je een live selfie (liveness-controle). Zo weten we dat je echt bent en 18 jaar of ouder. Zonder geslaagde controle wordt je profiel niet gepubliceerd.</p>' +
        '<div data-verifyme-client="tweeklank" data-verifyme-lang="nl"></div></article>'));
      var s = document.createElement("script"); s.src = "/vendor/verifyme/verifyme-sdk.js"; document.body.appendChild(s);
    },
    inloggen: function () {
      app.appendChild(el(
        '<article class="tekstpagina"><h1>Inloggen</h1>' + (location.search.indexOf("next=") >= 0 ? '<p>Log in om verder te gaan. Berichten sturen, melden en blokkeren kan alleen met een account.</p>' : '') +
        '<form method="post" action="/inloggen"><label for="l-mail">E-mailadres</label><input id="l-mail" name="email" type="email">' +
        '<label for="l-ww">Wachtwoord</label><input id="l-ww" name="wachtwoord" type="password"><p><button class="knop" type="submit">Inloggen</button></p></form>' +
        '<p>Nog geen account? <a href="/aanmelden">Meld je gratis aan</a>.</p></article>'));
    },
    tekst: function () { }
  };
  (pages[pagina] || pages.tekst)();

  // ---- cookie banner (overlays the page until a choice is made)
  if (!localStorage.getItem("tk_cookies")) {
    var k = el('<div class="koekjes" id="koekjes"><div class="doos" role="dialog" aria-label="Cookies"><strong>Cookies op Tweeklank</strong>' +
      '<p>We gebruiken noodzakelijke cookies om je ingelogd te houden en, als je dat goed vindt, analytische cookies om Tweeklank te verbeteren. <a href="/cookies">Meer over cookies</a>.</p>' +
      '<button class="knop" data-keuze="alle">Alles accepteren</button> <button class="knop licht" data-keuze="noodzakelijk">Alleen noodzakelijk</button></div></div>');
    document.body.appendChild(k);
    var kd = document.getElementById("koekjes");
    kd.querySelectorAll("button").forEach(function (b) {
      b.addEventListener("click", function () { localStorage.setItem("tk_cookies", b.getAttribute("data-keuze")); kd.remove(); });
    });
  }

  // ---- age check: date of birth, on every page; the page is already rendered underneath
  function leeftijd(iso) {
    var d = new Date(iso), n = new Date();
    if (isNaN(d)) return -1;
    var a = n.getFullYear() - d.getFullYear();
    if (n.getMonth() < d.getMonth() || (n.getMonth() === d.getMonth() && n.getDate() < d.getDate())) a--;
    return a;
  }
  var bekend = localStorage.getItem("tk_geboortedatum");
  if (!bekend || leeftijd(bekend) < 18) {
    document.body.appendChild(el(
      '<div class="poort" id="leeftijdscheck" role="dialog" aria-modal="true" aria-labelledby="poort-titel"><div class="doos">' +
      '<h2 id="poort-titel">Tweeklank is alleen voor volwassenen</h2>' +
      '<p>Vul je geboortedatum in om verder te gaan. Je moet 18 jaar of ouder zijn om Tweeklank te bekijken.</p>' +
      '<form id="poort-form"><label for="poort-gd">Geboortedatum</label><input type="date" id="poort-gd" name="geboortedatum" required>' +
      '<p class="fout" id="poort-fout" hidden>Je moet 18 jaar of ouder zijn om Tweeklank te gebruiken.</p>' +
      '<p><button class="knop" type="submit">Bevestigen</button></p></form></div></div>'));
    document.getElementById("poort-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var v = document.getElementById("poort-gd").value;
      if (leeftijd(v) >= 18) { localStorage.setItem("tk_geboortedatum", v); document.getElementById("leeftijdscheck").remove(); }
      else document.getElementById("poort-fout").hidden = false;
    });
  }
})();
