/* Nachtlicht web app 3.8 — history routing, data from /api/*.json */
(function () {
  "use strict";
  var CFG = window.NACHTLICHT || {};
  var app = document.getElementById("app");
  var INFO = ["privacy", "voorwaarden", "hulp", "veiligheid", "politie", "adverteren", "over-ons", "cookies", "contact", "faq"];
  var STEDEN = [["amsterdam", "Amsterdam"], ["rotterdam", "Rotterdam"], ["den-haag", "Den Haag"], ["utrecht", "Utrecht"],
                ["eindhoven", "Eindhoven"], ["groningen", "Groningen"], ["arnhem", "Arnhem"]];
  var REDENEN = [
    ["uitbuiting", "Mogelijke mensenhandel of uitbuiting", "Bijvoorbeeld: iemand anders regelt de afspraken, de adverteerder lijkt onder druk te staan of moet geld afstaan."],
    ["minderjarig", "Adverteerder lijkt jonger dan 18", "Foto's, tekst of gedrag wijzen erop dat iemand minderjarig kan zijn."],
    ["ander", "Geplaatst door iemand anders", "De advertentie lijkt niet door de persoon zelf te zijn geplaatst of beheerd."],
    ["foto", "Foto's van iemand anders", "De foto's zijn gestolen of van een ander."],
    ["oplichting", "Nepadvertentie of oplichting", "Vooruitbetaling gevraagd, valse gegevens."],
    ["anders", "Iets anders", "Vertel het ons hieronder."]
  ];

  function esc(s) { return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]; }); }
  function icon(name) {
    var p = {
      zoek: '<circle cx="11" cy="11" r="7"/><path d="M16.5 16.5L21 21"/>',
      persoon: '<circle cx="12" cy="8" r="4"/><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6"/>',
      menu: '<path d="M4 6h16M4 12h16M4 18h16"/>',
      vlag: '<path d="M5 21V4M5 4h11l-2 4 2 4H5"/>',
      meer: '<circle cx="5" cy="12" r="1.6"/><circle cx="12" cy="12" r="1.6"/><circle cx="19" cy="12" r="1.6"/>',
      hart: '<path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.6-7 10-7 10z"/>',
      deel: '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/><path d="M8.2 11l7.6-4M8.2 13l7.6 4"/>',
      schild: '<path d="M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>'
    }[name];
    return '<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.8" aria-hidden="true" focusable="false">' + p + "</svg>";
  }

  function api(url) {
    return fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}}).then(function (r) {
      if (r.status === 403) { var e = new Error("leeftijd"); e.gate = true; throw e; }
      if (!r.ok) { var n = new Error("status " + r.status); n.status = r.status; throw n; }
      return r.json();
    });
  }

  /* ---------- layout ---------- */
  function header() {
    var steden = STEDEN.map(function (s) { return '<li><a role="menuitem" href="/stad/' + s[0] + '">' + s[1] + "</a></li>"; }).join("");
    return '<header class="kop"><div class="binnen">' +
      '<a class="logo" href="/"><span class="maan" aria-hidden="true"></span>Nachtlicht</a>' +
      '<nav class="hoofdnav" aria-label="Hoofdmenu"><ul>' +
      '<li><a href="/">Escorts</a></li>' +
      '<li class="heeft-menu"><button type="button" class="menuknop" aria-expanded="false" aria-controls="stedenmenu">Steden</button>' +
      '<ul id="stedenmenu" class="uitklap" role="menu" hidden>' + steden + "</ul></li>" +
      '<li><a href="/adverteren">Adverteren</a></li>' +
      '<li><a href="/hulp">Hulp &amp; veiligheid</a></li></ul></nav>' +
      '<div class="acties">' +
      '<button type="button" class="icoon" data-actie="zoek" aria-label="Zoeken">' + icon("zoek") + "</button>" +
      '<a class="icoon" href="/inloggen" aria-label="Inloggen">' + icon("persoon") + "</a>" +
      '<button type="button" class="icoon alleen-mobiel" data-actie="mobielmenu" aria-label="Menu openen" aria-expanded="false">' + icon("menu") + "</button>" +
      "</div></div>" +
      '<form class="zoekbalk" role="search" hidden action="/" method="get"><label for="q" class="sr">Zoek op naam of stad</label><input id="q" name="q" type="search" placeholder="Zoek op naam of stad"></form>' +
      "</header>";
  }
  function footer() {
    return '<footer class="voet"><div class="binnen kolommen">' +
      '<div><h2>Nachtlicht</h2><ul><li><a href="/over-ons">Over ons</a></li><li><a href="/adverteren">Adverteren</a></li><li><a href="/contact">Contact</a></li><li><a href="/faq">Veelgestelde vragen</a></li></ul></div>' +
      '<div><h2>Veiligheid</h2><ul><li><a href="/hulp">Hulp bij uitbuiting en mensenhandel</a></li><li><a href="/veiligheid">Meldingen en bezwaar</a></li><li><a href="/politie">Voor politie en justitie</a></li></ul></div>' +
      '<div><h2>Juridisch</h2><ul><li><a href="/voorwaarden">Algemene voorwaarden</a></li><li><a href="/privacy">Privacyverklaring</a></li><li><a href="/cookies">Cookies</a></li></ul></div>' +
      '<div class="voetnoot"><p>Alleen voor volwassenen (18+). Iedere adverteerder is zelfstandig en heeft haar of zijn identiteit laten controleren voordat de advertentie online kwam.</p><p>© 2026 Nachtlicht B.V.</p></div>' +
      "</div></footer>";
  }
  function shell(inner, titel) {
    document.title = (titel ? titel + " · " : "") + "Nachtlicht";
    app.innerHTML = header() + '<main id="inhoud" class="binnen">' + inner + "</main>" + footer();
    cookiebanner();
    window.scrollTo(0, 0);
  }
  function laden() { shell('<p class="laden" aria-live="polite">Even geduld…</p>'); }

  /* ---------- age gate ---------- */
  function leeftijdspoort() {
    shell('<div class="leeg" aria-hidden="true"></div>', "Alleen voor volwassenen");
    var d = document.createElement("div");
    d.className = "poort";
    d.setAttribute("role", "dialog");
    d.setAttribute("aria-modal", "true");
    d.setAttribute("aria-labelledby", "poorttitel");
    d.innerHTML = '<div class="poortvak"><span class="maan groot" aria-hidden="true"></span>' +
      '<h1 id="poorttitel">Nachtlicht is alleen voor volwassenen</h1>' +
      "<p>Op deze website staan advertenties van sekswerkers en escorts. Je mag verder als je 18 jaar of ouder bent en het niet aanstootgevend vindt.</p>" +
      '<div class="knoppen"><button type="button" class="knop hoofd" data-poort="ja">Ik ben 18 jaar of ouder</button>' +
      '<button type="button" class="knop" data-poort="nee">Ik ben jonger dan 18</button></div>' +
      '<p class="klein">Met deze knop zetten we een cookie dat 12 uur geldig is. Hulp nodig? <a href="/hulp">Hulp bij uitbuiting</a> · <a href="/privacy">Privacy</a></p></div>';
    document.body.appendChild(d);
    d.querySelector('[data-poort="ja"]').addEventListener("click", function () {
      location.href = "/toegang/akkoord?next=" + encodeURIComponent(location.pathname + location.search);
    });
    d.querySelector('[data-poort="nee"]').addEventListener("click", function () {
      d.querySelector(".poortvak").innerHTML = "<h1>Sorry</h1><p>Nachtlicht is niet bedoeld voor jou. Wil je ergens over praten? Chat anoniem met Fier via chatmetfier.nl of bel de Kindertelefoon: 0800-0432.</p>";
    });
  }
  function sluitPoort() { var p = document.querySelector(".poort"); if (p) p.remove(); }

  /* ---------- cookie banner ---------- */
  function cookiebanner() {
    if (localStorage.getItem("nl_cookiekeuze")) return;
    if (document.querySelector(".cookies")) return;
    var b = document.createElement("section");
    b.className = "cookies";
    b.setAttribute("aria-label", "Cookies");
    b.innerHTML = "<p>Nachtlicht gebruikt noodzakelijke cookies om de site te laten werken. Mogen we ook anoniem meten hoe de site gebruikt wordt? <a href=\"/cookies\">Meer over cookies</a></p>" +
      '<div class="knoppen"><button type="button" class="knop" data-cookie="noodzakelijk">Alleen noodzakelijk</button><button type="button" class="knop hoofd" data-cookie="alles">Accepteren</button></div>';
    document.body.appendChild(b);
    b.addEventListener("click", function (e) {
      var k = e.target.closest("[data-cookie]");
      if (!k) return;
      localStorage.setItem("nl_cookiekeuze", k.getAttribute("data-cookie"));
      b.remove();
    });
  }

  /* ---------- pages ---------- */
  function kaart(a) {
    return '<article class="kaart"><a href="/advertentie/' + esc(a.slug) + '">' +
      '<div class="foto" style="background:' + esc(a.kleur) + '"><span aria-hidden="true">' + esc(a.naam.charAt(0)) + "</span>" +
      (a.online ? '<em class="online">Nu beschikbaar</em>' : "") + "</div>" +
      "<h3>" + esc(a.naam) + ", " + esc(a.leeftijd) + "</h3>" +
      '<p class="plaats">' + esc(a.stadnaam) + "</p><p>" + esc(a.titel) + "</p>" +
      '<p class="badge" title="Identiteit en leeftijd gecontroleerd">' + icon("schild") + " Geverifieerd</p></a></article>";
  }
  function overzicht(stad) {
    laden();
    api("/api/advertenties.json").then(function (lijst) {
      var q = new URLSearchParams(location.search).get("q");
      var titel = "Geverifieerde escorts in heel Nederland";
      if (stad) {
        lijst = lijst.filter(function (a) { return a.stad === stad; });
        var s = STEDEN.filter(function (x) { return x[0] === stad; })[0];
        titel = "Escorts in " + (s ? s[1] : stad);
      }
      if (q) {
        var ql = q.toLowerCase();
        lijst = lijst.filter(function (a) { return (a.naam + " " + a.stadnaam + " " + a.titel).toLowerCase().indexOf(ql) >= 0; });
        titel = "Zoekresultaten voor ‘" + q + "’";
      }
      var chips = STEDEN.map(function (s) { return '<a class="chip' + (s[0] === stad ? " actief" : "") + '" href="/stad/' + s[0] + '">' + s[1] + "</a>"; }).join("");
      shell('<section class="held"><h1>' + esc(titel) + "</h1>" +
        "<p>Alle adverteerders op Nachtlicht werken zelfstandig en hebben hun identiteit en leeftijd laten controleren voordat hun advertentie online kwam.</p></section>" +
        '<div class="chips" aria-label="Steden">' + chips + "</div>" +
        (lijst.length ? '<div class="raster">' + lijst.map(kaart).join("") + "</div>" : '<p class="leeg-tekst">Geen advertenties gevonden.</p>') +
        '<aside class="hulpstrook">' + icon("schild") + ' <p>Vermoed je uitbuiting of mensenhandel? <a href="/hulp">Zo krijg je hulp</a> of meld een advertentie met de vlag.</p></aside>', stad ? titel : "");
    }).catch(fout);
  }

  function advertentie(slug) {
    laden();
    api("/api/advertenties/" + encodeURIComponent(slug) + ".json").then(function (a) {
      var tarieven = a.tarieven.map(function (t) { return "<tr><th scope=\"row\">" + esc(t[0]) + "</th><td>" + esc(t[1]) + "</td></tr>"; }).join("");
      var html = '<nav class="kruimel" aria-label="Kruimelpad"><a href="/">Escorts</a> › <a href="/stad/' + esc(a.stad) + '">' + esc(a.stadnaam) + "</a> › " + esc(a.naam) + "</nav>" +
        '<article class="advertentie" data-id="' + esc(a.id) + '">' +
        '<div class="galerij"><div class="foto groot" style="background:' + esc(a.kleur) + '"><span aria-hidden="true">' + esc(a.naam.charAt(0)) + '</span></div>' +
        '<div class="foto" style="background:' + esc(a.kleur) + 'cc"></div><div class="foto" style="background:' + esc(a.kleur) + '99"></div></div>' +
        '<div class="details"><div class="titelregel"><h1>' + esc(a.naam) + ", " + esc(a.leeftijd) + "</h1>" +
        '<div class="iconen">' +
        '<a class="icoon" data-volledig href="/advertentie/' + esc(a.slug) + '/favoriet" aria-label="Bewaar als favoriet">' + icon("hart") + "</a>" +
        '<button type="button" class="icoon" data-actie="deel" aria-label="Delen">' + icon("deel") + "</button>" +
        '<a class="icoon" href="/advertentie/' + esc(a.slug) + '/melden" aria-label="Advertentie melden">' + icon("vlag") + "</a>" +
        '<div class="heeft-menu"><button type="button" class="icoon menuknop" aria-label="Meer opties" aria-haspopup="menu" aria-expanded="false">' + icon("meer") + "</button>" +
        '<ul class="uitklap rechts" role="menu" hidden>' +
        '<li><a role="menuitem" href="/advertentie/' + esc(a.slug) + '/melden">Advertentie melden</a></li>' +
        '<li><a role="menuitem" data-volledig href="/advertentie/' + esc(a.slug) + '/blokkeren">Adverteerder blokkeren</a></li>' +
        '<li><button type="button" role="menuitem" data-actie="deel">Link kopiëren</button></li></ul></div></div></div>' +
        '<p class="plaats">' + esc(a.stadnaam) + ' · <span class="badge" title="Identiteit en leeftijd gecontroleerd door Nachtlicht">' + icon("schild") + " Geverifieerd sinds " + esc(a.geverifieerd) + "</span></p>" +
        "<h2>" + esc(a.titel) + "</h2>" + a.tekst.map(function (p) { return "<p>" + esc(p) + "</p>"; }).join("") +
        '<dl class="feiten"><dt>Diensten</dt><dd>' + esc(a.diensten.join(", ")) + "</dd><dt>Talen</dt><dd>" + esc(a.talen.join(", ")) + "</dd><dt>Beschikbaar</dt><dd>" + esc(a.beschikbaar) + "</dd></dl>" +
        '<table class="tarieven"><caption>Tarieven</caption><tbody>' + tarieven + "</tbody></table>" +
        '<section class="contactvak" aria-labelledby="contacttitel"><h2 id="contacttitel">Contact met ' + esc(a.naam) + "</h2>" +
        '<div class="knoppen"><a class="knop hoofd" data-volledig href="/advertentie/' + esc(a.slug) + '/bericht">Stuur ' + esc(a.naam) + " een bericht</a>" +
        '<a class="knop" data-volledig href="/advertentie/' + esc(a.slug) + '/nummer">Toon telefoonnummer</a></div>' +
        '<p class="klein">Berichten sturen en het telefoonnummer zien kan alleen met een account waarvan je e-mailadres en telefoonnummer zijn bevestigd. <a href="/inloggen">Inloggen</a> of <a href="/aanmelden">account aanmaken</a>.</p>' +
        '<div class="veiligheidsnotitie" role="note"><strong>Veilig en met respect.</strong> ' + esc(a.naam) + " bepaalt zelf met wie ze afspreekt en wat wel en niet kan. " +
        "Vraagt iemand anders namens haar om geld, lijkt ze bang of jonger dan 18? Meld de advertentie met de vlag of bel anoniem Meld Misdaad Anoniem (0800-7000). " +
        'Al je berichten via Nachtlicht worden bewaard zoals in onze <a href="/privacy">privacyverklaring</a> staat. <a href="/hulp">Hulp bij uitbuiting</a></div></section>' +
        "</div></article>";
      shell(html, a.naam + " in " + a.stadnaam);
    }).catch(fout);
  }

  function melden(slug) {
    laden();
    api("/api/advertenties/" + encodeURIComponent(slug) + ".json").then(function (a) {
      var link = location.origin + "/advertentie/" + a.slug;
      var redenen = REDENEN.map(function (r) {
        return '<label class="reden"><input type="radio" name="reden" value="' + r[0] + '" required> <span><strong>' + esc(r[1]) + "</strong><small>" + esc(r[2]) + "</small></span></label>";
      }).join("");
      shell('<nav class="kruimel" aria-label="Kruimelpad"><a href="/advertentie/' + esc(a.slug) + '">← Terug naar de advertentie van ' + esc(a.naam) + "</a></nav>" +
        '<section class="formulier"><h1>Advertentie melden</h1>' +
        "<p>Je melding gaat naar het veiligheidsteam van Nachtlicht. Je hebt geen account nodig en je mag anoniem melden. Zie je direct gevaar? Bel 112.</p>" +
        '<form id="meldformulier" action="/api/meldingen" method="post" novalidate>' +
        '<fieldset><legend>Wat is er aan de hand?</legend>' + redenen + "</fieldset>" +
        '<label for="m-link">Advertentie</label><input id="m-link" name="advertentie" type="url" readonly value="' + esc(link) + '">' +
        '<input type="hidden" name="advertentie_id" value="' + esc(a.id) + '">' +
        '<label for="m-toelichting">Toelichting</label><textarea id="m-toelichting" name="toelichting" rows="5" placeholder="Wat heb je gezien? Hoe meer details, hoe beter we kunnen helpen."></textarea>' +
        '<div class="twee"><div><label for="m-naam">Je naam <span class="optioneel">(mag leeg blijven)</span></label><input id="m-naam" name="naam" autocomplete="name"></div>' +
        '<div><label for="m-email">Je e-mailadres <span class="optioneel">(mag leeg blijven, dan krijg je geen bevestiging per e-mail)</span></label><input id="m-email" name="email" type="email" autocomplete="email"></div></div>' +
        '<label class="vinkje"><input type="checkbox" name="verklaring" required> Ik verklaar dat de informatie in deze melding naar mijn beste weten juist en volledig is.</label>' +
        '<button type="submit" class="knop hoofd">Melding versturen</button>' +
        '<p class="klein">Na het versturen krijg je direct een meldingsnummer. We beoordelen elke melding binnen 24 uur, meldingen over uitbuiting of minderjarigen direct. Lees <a href="/veiligheid">wat er met je melding gebeurt en hoe je bezwaar maakt</a>.</p>' +
        "</form></section>", "Advertentie melden");
      document.getElementById("meldformulier").addEventListener("submit", function (e) {
        e.preventDefault();
        var f = e.target;
        if (!f.reportValidity()) return;
        fetch(f.action, {method: "POST", body: new FormData(f), credentials: "same-origin"}).then(function () {
          f.outerHTML = '<div class="bevestiging" role="status"><h2>Bedankt, je melding is ontvangen</h2><p>Je meldingsnummer is <strong>NL-' + Date.now().toString(36).toUpperCase() + "</strong>. Bewaar dit nummer als je later contact met ons opneemt.</p></div>";
        });
      });
    }).catch(fout);
  }

  function info(slug) {
    laden();
    api("/api/paginas/" + slug + ".json").then(function (p) {
      var secties = p.secties.map(function (s) { return '<section><h2>' + esc(s.kop) + "</h2>" + s.html + "</section>"; }).join("");
      shell('<article class="tekstpagina"><h1>' + esc(p.titel) + "</h1>" + (p.intro ? '<p class="intro">' + esc(p.intro) + "</p>" : "") + secties + "</article>", p.titel);
    }).catch(fout);
  }

  function aanmelden() {
    var partner = (CFG.partner || "") + "/nachtlicht/start.html";
    shell('<section class="formulier"><h1>Account aanmaken</h1>' +
      "<p>Met een account kun je adverteerders een bericht sturen, telefoonnummers zien en favorieten bewaren. Wil je zelf adverteren? Lees eerst <a href=\"/adverteren\">Adverteren op Nachtlicht</a>.</p>" +
      '<ol class="stappen"><li class="actief">Gegevens</li><li>Leeftijd bevestigen</li><li>E-mail en telefoon bevestigen</li></ol>' +
      '<form id="aanmeldformulier" action="/api/aanmelden" method="post">' +
      '<label for="a-email">E-mailadres</label><input id="a-email" name="email" type="email" required autocomplete="email">' +
      '<label for="a-tel">Mobiel nummer</label><input id="a-tel" name="telefoon" type="tel" required autocomplete="tel" placeholder="06">' +
      '<label for="a-gb">Geboortedatum</label><input id="a-gb" name="geboortedatum" type="date" required max="2008-12-02">' +
      '<label for="a-ww">Wachtwoord</label><input id="a-ww" name="wachtwoord" type="password" required minlength="10" autocomplete="new-password">' +
      '<label class="vinkje"><input type="checkbox" name="voorwaarden" required> Ik ga akkoord met de <a href="/voorwaarden">algemene voorwaarden</a> en heb de <a href="/privacy">privacyverklaring</a> gelezen.</label>' +
      '<button type="submit" class="knop hoofd">Volgende stap</button></form>' +
      '<section class="leeftijdstap" aria-labelledby="stap2"><h2 id="stap2">Stap 2: leeftijd bevestigen met Identa</h2>' +
      "<p>Je geboortedatum alleen is niet genoeg. Je bevestigt je leeftijd bij onze partner Identa: met iDIN via je eigen bank, of met je paspoort, ID-kaart of rijbewijs en een live selfie. Nachtlicht krijgt alleen te horen of je 18 jaar of ouder bent.</p>" +
      '<iframe class="partnerframe" title="Leeftijdscontrole door Identa" src="' + esc(partner) + '"></iframe></section>' +
      '<section><h2>Stap 3: bevestigen</h2><p>We sturen een link naar je e-mailadres en een code per sms. Zolang je die niet hebt bevestigd, kun je niemand een bericht sturen.</p></section>' +
      '<p>Heb je al een account? <a href="/inloggen">Inloggen</a></p></section>', "Account aanmaken");
  }

  function inloggen() {
    var volgende = new URLSearchParams(location.search).get("next") || "";
    shell('<section class="formulier smal"><h1>Inloggen</h1>' +
      (volgende ? '<p class="melding">Log in om verder te gaan. Berichten sturen, telefoonnummers zien en blokkeren kan alleen met een account.</p>' : "") +
      '<form action="/api/inloggen" method="post"><input type="hidden" name="next" value="' + esc(volgende) + '">' +
      '<label for="l-email">E-mailadres</label><input id="l-email" name="email" type="email" required autocomplete="username">' +
      '<label for="l-ww">Wachtwoord</label><input id="l-ww" name="wachtwoord" type="password" required autocomplete="current-password">' +
      '<button type="submit" class="knop hoofd">Inloggen</button></form>' +
      '<p>Nog geen account? <a href="/aanmelden">Account aanmaken</a></p></section>', "Inloggen");
  }

  function fout(e) {
    if (e && e.gate) { leeftijdspoort(); return; }
    shell('<section class="tekstpagina"><h1>Deze pagina bestaat niet (meer)</h1><p>Misschien is de advertentie offline gehaald. <a href="/">Terug naar het overzicht</a></p></section>', "Niet gevonden");
  }

  /* ---------- router ---------- */
  function route() {
    sluitPoort();
    var pad = location.pathname.replace(/\/+$/, "") || "/";
    var m;
    if (pad === "/") return overzicht(null);
    if ((m = pad.match(/^\/stad\/([a-z-]+)$/))) return overzicht(m[1]);
    if ((m = pad.match(/^\/advertentie\/([a-z0-9-]+)\/melden$/))) return melden(m[1]);
    if ((m = pad.match(/^\/advertentie\/([a-z0-9-]+)$/))) return advertentie(m[1]);
    if (pad === "/aanmelden") return aanmelden();
    if (pad === "/inloggen") return inloggen();
    if (pad === "/leeftijdscontrole") return leeftijdspoort();
    if ((m = pad.match(/^\/([a-z-]+)$/)) && INFO.indexOf(m[1]) >= 0) return info(m[1]);
    fout();
  }
  function ga(href) { history.pushState({}, "", href); route(); }

  document.addEventListener("click", function (e) {
    var knop = e.target.closest("button");
    if (knop && knop.classList.contains("menuknop")) {
      var lijst = knop.parentNode.querySelector(".uitklap");
      var open = knop.getAttribute("aria-expanded") === "true";
      document.querySelectorAll(".menuknop[aria-expanded=true]").forEach(function (b) { b.setAttribute("aria-expanded", "false"); b.parentNode.querySelector(".uitklap").hidden = true; });
      knop.setAttribute("aria-expanded", open ? "false" : "true");
      lijst.hidden = open;
      return;
    }
    if (knop && knop.getAttribute("data-actie") === "zoek") {
      var z = document.querySelector(".zoekbalk"); z.hidden = !z.hidden; if (!z.hidden) z.querySelector("input").focus(); return;
    }
    if (knop && knop.getAttribute("data-actie") === "mobielmenu") {
      var nav = document.querySelector(".hoofdnav"); nav.classList.toggle("open");
      knop.setAttribute("aria-expanded", nav.classList.contains("open") ? "true" : "false"); return;
    }
    if (knop && knop.getAttribute("data-actie") === "deel") {
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(function () {});
      knop.setAttribute("data-gekopieerd", "ja"); return;
    }
    if (!e.target.closest(".heeft-menu")) {
      document.querySelectorAll(".menuknop[aria-expanded=true]").forEach(function (b) { b.setAttribute("aria-expanded", "false"); b.parentNode.querySelector(".uitklap").hidden = true; });
    }
    var a = e.target.closest("a[href]");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey) return;
    var href = a.getAttribute("href");
    if (href.charAt(0) !== "/" || a.hasAttribute("data-volledig")) return;
    e.preventDefault();
    ga(href);
  });
  document.addEventListener("submit", function (e) {
    if (e.target.classList.contains("zoekbalk")) {
      e.preventDefault();
      ga("/?q=" + encodeURIComponent(e.target.querySelector("input").value));
    }
  });
  window.addEventListener("popstate", route);
  route();
})();
