import { esc } from "./components.js";

const view = document.getElementById("view");
const cache = new Map();

async function haal(pad) {
  if (!cache.has(pad)) {
    const r = await fetch(pad);
    if (!r.ok) throw new Error(`${pad}: ${r.status}`);
    cache.set(pad, await r.json());
  }
  return cache.get(pad);
}

function titel(t) { document.title = t ? `${t} · Hangplek` : "Hangplek – chill met mensen van je leeftijd"; }

// ---- views -------------------------------------------------------------------------------------

async function start() {
  const [kamers, stories, leden] = await Promise.all([haal("/api/rooms.json"), haal("/api/stories.json"), haal("/api/users.json")]);
  titel("");
  view.innerHTML = `
    <h1>Hoi! Waar hang jij vandaag uit?</h1>
    <p>Kletsen in openbare kamers, stories delen en nieuwe mensen leren kennen in je eigen stad. Meelezen kan zonder account;
    meepraten doe je na <a href="#/aanmelden">aanmelden</a>.</p>
    <h2>Stories</h2>
    <div class="stories">${stories.map((s) => `<a class="story" style="background:${esc(s.color)}" href="#/story/${s.id}" title="Story van ${esc(s.name)}">${esc(s.name[0])}</a>`).join("")}</div>
    <h2>Openbare kamers</h2>
    <div class="kaartjes">${kamers.map((k) => `<hp-room-card href="#/kamer/${esc(k.id)}">
        <span slot="naam">${esc(k.name)}</span><span slot="online">${k.online} online</span>
        ${esc(k.description)}<span slot="laatst">“${esc(k.last)}…”</span></hp-room-card>`).join("")}</div>
    <h2>Nieuwe gezichten</h2>
    <p class="leden">${leden.map((u) => `<a href="#/u/${esc(u.handle)}">${esc(u.name)} <small>(${esc(u.city)})</small></a>`).join("")}</p>`;
}

async function kamer(id) {
  const k = await haal(`/api/rooms/${encodeURIComponent(id)}.json`);
  const leden = await haal("/api/users.json");
  const kleur = Object.fromEntries(leden.map((u) => [u.handle, u.color]));
  titel(k.name);
  view.innerHTML = `
    <p><a href="#/">← Alle kamers</a></p>
    <h1>${esc(k.name)}</h1>
    <p>${esc(k.description)} · <strong>${k.online} online</strong></p>
    <section aria-label="Berichten">${k.messages.map((m) => `<hp-message message-id="${m.id}" room="${esc(k.id)}" author="${esc(m.author)}" name="${esc(m.name)}" color="${esc(kleur[m.author] || "#999")}">
        <span slot="tijd">${esc(m.time)}</span>${esc(m.text)}</hp-message>`).join("")}</section>
    <p class="info">Meepraten? <a href="#/inloggen?na=meepraten">Log in</a> of <a href="#/aanmelden">maak een account</a>.</p>`;
  const q = new URLSearchParams(location.hash.split("?")[1] || "");
  if (q.get("bericht")) view.querySelector(`hp-message[message-id="${CSS.escape(q.get("bericht"))}"]`)?.scrollIntoView();
}

async function profiel(handle) {
  const u = await haal(`/api/users/${encodeURIComponent(handle)}.json`);
  const kamers = await haal("/api/rooms.json");
  titel(`${u.name} (@${u.handle})`);
  view.innerHTML = `<p><a href="#/">← Terug</a></p><hp-profile></hp-profile>`;
  const p = view.querySelector("hp-profile");
  p.data = u;
  p.innerHTML = `<p>${esc(u.bio)}</p>
    <h3>Hangt uit in</h3><ul>${u.rooms.map((r) => `<li><a href="#/kamer/${esc(r)}">${esc((kamers.find((k) => k.id === r) || {}).name || r)}</a></li>`).join("")}</ul>
    ${u.stories.length ? `<h3>Stories</h3><ul>${u.stories.map((s) => `<li><a href="#/story/${s.id}">${esc(s.text)}</a> <small>${esc(s.age)}</small></li>`).join("")}</ul>` : ""}`;
}

async function story(id) {
  const stories = await haal("/api/stories.json");
  const s = stories.find((x) => String(x.id) === id);
  if (!s) return nietGevonden();
  titel(`Story van ${s.name}`);
  view.innerHTML = `<p><a href="#/">← Terug</a></p>
    <div style="background:${esc(s.color)};color:#fff;border-radius:18px;padding:60px 24px;text-align:center;font-size:1.4rem">${esc(s.text)}</div>
    <p><a href="#/u/${esc(s.author)}">${esc(s.name)}</a> · ${esc(s.age)} · <button type="button" class="melden-story">Story melden</button></p>`;
  view.querySelector(".melden-story").addEventListener("click", () => {
    document.querySelector("hp-report-sheet").open({ soort: "story", id: s.id, link: `${location.origin}/#/story/${s.id}`, omschrijving: `story van ${s.name}` });
  });
}

async function stories() {
  const lijst = await haal("/api/stories.json");
  titel("Stories");
  view.innerHTML = `<h1>Stories van vandaag</h1><p>Stories blijven 24 uur staan.</p>
    <ul>${lijst.map((s) => `<li><a href="#/story/${s.id}">${esc(s.name)}: ${esc(s.text)}</a> <small>${esc(s.age)}</small></li>`).join("")}</ul>`;
}

function inloggen(q) {
  const waarom = {
    melden: "Log in om dit profiel te melden.",
    blokkeren: "Log in om iemand te blokkeren.",
    bericht: "Log in om een privébericht te sturen.",
    volgen: "Log in om mensen te volgen.",
    berichten: "Log in om je berichten te lezen.",
    meepraten: "Log in om mee te praten in de kamers.",
  }[q.get("na")] || "Welkom terug!";
  titel("Inloggen");
  view.innerHTML = `<h1>Inloggen</h1><p class="info">${esc(waarom)}</p>
    <form class="stap" id="login">
      <label for="li-email">E-mailadres</label><input id="li-email" type="email" name="email" autocomplete="username" required>
      <label for="li-ww">Wachtwoord</label><input id="li-ww" type="password" name="wachtwoord" autocomplete="current-password" required>
      <p><button class="knop" type="submit">Inloggen</button></p>
    </form>
    <p>Nog geen account? <a href="#/aanmelden">Meld je aan</a>.</p><p class="fout" hidden></p>`;
  view.querySelector("#login").addEventListener("submit", async (e) => {
    e.preventDefault();
    try { await fetch("/api/sessie", { method: "POST", body: new FormData(e.target) }); } catch (err) { /* offline */ }
    const f = view.querySelector(".fout"); f.hidden = false; f.textContent = "Inloggen is niet gelukt. Controleer je e-mailadres en wachtwoord.";
  });
}

function aanmelden() {
  titel("Aanmelden");
  view.innerHTML = `<h1>Maak je Hangplek-account</h1>
    <p>Hangplek is voor iedereen van 18 tot 30 jaar. Ben je jonger dan 18? Dan kun je helaas (nog) geen account maken.</p>
    <form class="stap" id="aanmelden">
      <label for="am-naam">Gebruikersnaam</label><input id="am-naam" name="gebruikersnaam" required minlength="3">
      <label for="am-email">E-mailadres</label><input id="am-email" type="email" name="email" required>
      <label for="am-tel">Mobiel nummer</label><input id="am-tel" type="tel" name="mobiel" required placeholder="06 12345678">
      <label for="am-ww">Wachtwoord</label><input id="am-ww" type="password" name="wachtwoord" required minlength="8">
      <h2>Leeftijdscheck</h2>
      <label for="am-gd">Geboortedatum</label><input id="am-gd" type="date" name="geboortedatum" required>
      <p class="info">Wil je het blauwe vinkje ‘leeftijd gecheckt’? Upload dan (optioneel) een foto van je ID-kaart, paspoort of
      rijbewijs. Ons team vergelijkt de geboortedatum met wat je hierboven invulde. <a href="#/leeftijdscheck">Hoe werkt dat?</a></p>
      <label for="am-id">Foto van je identiteitsbewijs (optioneel)</label><input id="am-id" type="file" name="id_foto" accept="image/*">
      <p class="check"><input id="am-vw" type="checkbox" name="voorwaarden" required> <label for="am-vw">Ik ga akkoord met de <a href="/juridisch/voorwaarden/">gebruiksvoorwaarden</a> en heb de <a href="/juridisch/privacy/">privacyverklaring</a> gelezen.</label></p>
      <p><button class="knop" type="submit">Account maken</button></p>
      <p>Na het aanmelden bevestig je je e-mailadres via de link in je mail en je mobiele nummer met een sms-code. Pas daarna kun je
      meepraten en berichten sturen.</p>
    </form>`;
  view.querySelector("#aanmelden").addEventListener("submit", async (e) => {
    e.preventDefault();
    try { await fetch("/api/accounts", { method: "POST", body: new FormData(e.target) }); } catch (err) { /* offline */ }
  });
}

function pagina(t, html) { titel(t); view.innerHTML = html; }

function faq() {
  pagina("Veelgestelde vragen", `<h1>Veelgestelde vragen</h1>
  <details class="vraag" open><summary>Hoe blokkeer ik iemand?</summary>
    <p>Ga naar het profiel van die persoon, tik op ⋯ en kies <strong>Blokkeren</strong>. Diegene kan je daarna geen berichten
    meer sturen, ziet je stories niet meer en kan je niet meer vinden. Hij of zij krijgt daar geen melding van. Je vindt al je
    geblokkeerde mensen terug onder Instellingen › Privacy › Geblokkeerd.</p></details>
  <details class="vraag" open><summary>Wie mag mij berichten sturen?</summary>
    <p>Dat bepaal je zelf. Onder Instellingen › Privacy › <strong>Wie mag mij berichten sturen</strong> kies je uit
    ‘iedereen’, ‘alleen mensen die ik volg’ of ‘niemand’. Nieuwe accounts staan standaard op ‘alleen mensen die ik volg’.
    Berichtverzoeken van mensen die je niet volgt komen in een aparte map, met foto’s standaard vervaagd.</p></details>
  <details class="vraag"><summary>Kan ik een kamer dempen?</summary>
    <p>Ja. Open de kamer, tik op de naam bovenaan en kies ‘Meldingen uit’.</p></details>
  <details class="vraag" open><summary>Wat gebeurt er als ik iets meld?</summary>
    <p>Je krijgt meteen een ontvangstbevestiging in de app (en per mail als je je e-mailadres invulde). Een moderator bekijkt elke
    melding binnen 24 uur, meldingen over minderjarigen, grooming of sextortion binnen een uur. Je hoort van ons wat we besloten
    hebben. Ben je het niet eens met het besluit, dan kun je binnen zes maanden bezwaar maken via ‘Bezwaar maken’ in die melding of
    per mail aan bezwaar@hangplek.example; een andere moderator kijkt er dan opnieuw naar. Daarna kun je ook naar een erkende
    geschillenbeslechtingsinstantie.</p></details>
  <details class="vraag"><summary>Kan ik een bericht melden zonder account?</summary>
    <p>Ja, iedereen kan een bericht in een openbare kamer melden via ⋯ › Melden. Voor het melden van een profiel moet je
    ingelogd zijn.</p></details>
  <details class="vraag"><summary>Hoe werkt de leeftijdscheck?</summary>
    <p>Bij het aanmelden vul je je geboortedatum in. Wie wil, kan daarnaast een foto van een identiteitsbewijs uploaden voor het
    vinkje ‘leeftijd gecheckt’. Lees meer op <a href="#/leeftijdscheck">de pagina over de leeftijdscheck</a>.</p></details>
  <details class="vraag"><summary>Hoe verwijder ik mijn account?</summary>
    <p>Onder Instellingen › Account › Account verwijderen. Je gegevens verdwijnen binnen 30 dagen, zie de
    <a href="/juridisch/privacy/">privacyverklaring</a>.</p></details>`);
}

function veiligheid() {
  pagina("Veiligheid & hulp", `<h1>Veiligheid &amp; hulp</h1>
  <p>Op Hangplek ontmoet je nieuwe mensen. Meestal is dat gezellig, soms niet. Hier vind je tips en mensen die je kunnen helpen.</p>
  <h2>Tips</h2>
  <ul>
    <li>Praat in het begin in de openbare kamers en houd je nummer en adres voor je.</li>
    <li>Stuur geen naaktfoto’s naar iemand die je niet in het echt kent. Vraagt iemand erom en zet hij of zij je onder druk: blokkeer en meld.</li>
    <li>Wordt je gedreigd met het verspreiden van foto’s of filmpjes (sextortion)? Betaal niet, bewaar de berichten en zoek hulp.</li>
    <li>Spreek je af? Doe dat op een drukke plek en laat een vriend(in) weten waar je bent.</li>
  </ul>
  <h2>Hier kun je terecht</h2>
  <div class="hulplijn"><strong>Acuut gevaar:</strong> bel 112.</div>
  <div class="hulplijn"><strong>Politie</strong> (geen spoed, aangifte doen): 0900-8844.</div>
  <div class="hulplijn"><strong>Helpwanted</strong>: hulp bij online seksueel misbruik, zoals sextortion of gelekte naaktfoto’s, via helpwanted.nl (chat, mail en telefoon).</div>
  <div class="hulplijn"><strong>Fier</strong>: chat anoniem via chatmetfier.nl als je te maken hebt met geweld, uitbuiting of een loverboy.</div>
  <div class="hulplijn"><strong>Meld Misdaad Anoniem</strong>: 0800-7000, als je iets weet maar je naam niet wilt noemen.</div>
  <div class="hulplijn"><strong>Slachtofferhulp Nederland</strong>: 0900-0101.</div>
  <div class="hulplijn"><strong>113 Zelfmoordpreventie</strong>: bel 113 of gratis 0800-0113, of chat via 113.nl.</div>
  <h2>Iets melden bij ons</h2>
  <p>Een bericht meld je via ⋯ › Melden, een profiel via ⋯ › Profiel melden. Lees in de <a href="#/faq">FAQ</a> wat er daarna gebeurt.</p>`);
}

function leeftijdscheck() {
  pagina("Leeftijdscheck", `<h1>De leeftijdscheck van Hangplek</h1>
  <p>Hangplek is gemaakt voor mensen van 18 tot 30. Daarom vragen we bij het aanmelden altijd je geboortedatum. Wie jonger is dan
  18, kan geen account maken.</p>
  <p>Wil je laten zien dat je leeftijd klopt? Upload dan een foto van je ID-kaart, paspoort of rijbewijs. Een medewerker
  vergelijkt de geboortedatum op je document met je profiel en geeft je het vinkje ‘leeftijd gecheckt’. Dit is niet verplicht.
  Je mag je BSN en pasfoto afschermen (bijvoorbeeld met de KopieID-app). We bewaren de foto maximaal 7 dagen.</p>
  <p>Twijfelt een moderator aan iemands leeftijd, bijvoorbeeld na een melding, dan zetten we het account op pauze tot die persoon
  de check heeft gedaan.</p>`);
}

function contact() {
  pagina("Contact", `<h1>Contact</h1>
  <p>Vragen over je account of de app? Mail support@hangplek.example, we antwoorden binnen twee werkdagen.</p>
  <p>Politie of justitie? Zie ‘Politie en justitie’ in onze <a href="/juridisch/privacy/">privacyverklaring</a>.</p>
  <p>Hangplek B.V. · Vredenburg 40 · 3511 BD Utrecht · KvK 90123456</p>`);
}

function nietGevonden() { pagina("Niet gevonden", `<h1>Oeps, die pagina bestaat niet</h1><p><a href="#/">Terug naar de kamers</a></p>`); }

// ---- router ------------------------------------------------------------------------------------

const routes = [
  [/^\/?$/, start],
  [/^\/kamer\/([\w-]+)$/, kamer],
  [/^\/u\/([\w.-]+)$/, profiel],
  [/^\/story\/(\d+)$/, story],
  [/^\/stories$/, stories],
  [/^\/inloggen$/, (q) => inloggen(q)],
  [/^\/berichten$/, () => { location.hash = "#/inloggen?na=berichten"; }],
  [/^\/aanmelden$/, aanmelden],
  [/^\/faq$/, faq],
  [/^\/veiligheid$/, veiligheid],
  [/^\/leeftijdscheck$/, leeftijdscheck],
  [/^\/contact$/, contact],
];

async function route() {
  document.querySelector("hp-report-sheet")?.close?.();
  const [pad, qs] = (location.hash.replace(/^#/, "") || "/").split("?");
  const q = new URLSearchParams(qs || "");
  for (const [re, fn] of routes) {
    const m = pad.match(re);
    if (m) {
      try { await (m[1] !== undefined ? fn(decodeURIComponent(m[1]), q) : fn(q)); }
      catch (err) { nietGevonden(); }
      window.scrollTo(0, 0);
      return;
    }
  }
  nietGevonden();
}

window.addEventListener("hashchange", route);
route();
