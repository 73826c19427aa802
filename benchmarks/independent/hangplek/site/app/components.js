// Hangplek web components. Every component draws into its own (open) shadow root; content that the
// page owns is passed in through slots.

const basis = `
  :host{font-family:inherit}
  a{color:#c2410c;text-decoration:none} a:hover{text-decoration:underline}
  button{font:inherit;cursor:pointer}
`;

function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

class HpHeader extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${basis}
      header{background:#1d1b2f;color:#fff;display:flex;align-items:center;gap:18px;padding:10px 18px;flex-wrap:wrap}
      .logo{font-weight:800;font-size:1.3rem;color:#ff6b4a}
      nav a{color:#fff;margin-right:14px;font-size:.95rem}
      .rechts{margin-left:auto}.rechts a{color:#fff;margin-left:12px}
      .rechts a.aanmelden{background:#ff6b4a;padding:6px 14px;border-radius:16px}
    </style>
    <header>
      <a class="logo" href="#/">Hangplek</a>
      <nav aria-label="Hoofdmenu">
        <a href="#/">Kamers</a><a href="#/stories">Stories</a><a href="#/berichten">Berichten</a><a href="#/veiligheid">Veiligheid</a>
      </nav>
      <span class="rechts"><a href="#/inloggen">Inloggen</a><a class="aanmelden" href="#/aanmelden">Aanmelden</a></span>
    </header>`;
  }
}

class HpFooter extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${basis}
      footer{background:#1d1b2f;color:#bbb;padding:18px;font-size:.85rem;text-align:center;margin-top:30px}
      footer a{color:#fff;margin:0 8px}
    </style>
    <footer>
      <nav aria-label="Voettekst">
        <a href="#/veiligheid">Veiligheid &amp; hulp</a>
        <a href="#/faq">Vragen (FAQ)</a>
        <a href="#/leeftijdscheck">Leeftijdscheck</a>
        <a href="/juridisch/voorwaarden/">Gebruiksvoorwaarden</a>
        <a href="/juridisch/privacy/">Privacyverklaring</a>
        <a href="#/contact">Contact</a>
      </nav>
      <p>© 2026 Hangplek B.V., Utrecht · Voor iedereen van 18 tot 30 jaar</p>
    </footer>`;
  }
}

class HpRoomCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const href = this.getAttribute("href");
    root.innerHTML = `<style>${basis}
      a.kaart{display:block;background:#fff;border-radius:14px;padding:12px 16px;box-shadow:0 1px 3px #0002;color:inherit}
      .naam{font-weight:700;font-size:1.05rem}.online{color:#2a9d8f;font-size:.8rem;float:right}
      .laatst{color:#666;font-size:.85rem;margin-top:4px}
    </style>
    <a class="kaart" href="${esc(href)}"><span class="online"><slot name="online"></slot></span>
      <div class="naam"><slot name="naam"></slot></div><div><slot></slot></div><div class="laatst"><slot name="laatst"></slot></div></a>`;
  }
}

class HpMessage extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const id = this.getAttribute("message-id");
    const auteur = this.getAttribute("author");
    const naam = this.getAttribute("name");
    root.innerHTML = `<style>${basis}
      .bericht{display:flex;gap:10px;padding:8px 0;border-bottom:1px solid #eee;position:relative}
      .avatar{width:36px;height:36px;border-radius:50%;background:${esc(this.getAttribute("color") || "#999")};color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
      .kop{font-size:.85rem;color:#666}.kop a{font-weight:700;color:#1d1b2f}
      .meer{margin-left:auto;background:none;border:0;font-size:1.3rem;color:#888;align-self:flex-start;padding:0 6px}
      .menu{position:absolute;right:0;top:30px;background:#fff;border-radius:10px;box-shadow:0 4px 14px #0003;z-index:5;min-width:170px}
      .menu button,.menu a{display:block;width:100%;text-align:left;background:none;border:0;padding:10px 14px;color:#1d1b2f}
      .menu[hidden]{display:none}
    </style>
    <div class="bericht">
      <div class="avatar" aria-hidden="true">${esc((naam || "?")[0])}</div>
      <div><div class="kop"><a href="#/u/${esc(auteur)}">${esc(naam)}</a> · <slot name="tijd"></slot></div><div class="tekst"><slot></slot></div></div>
      <button class="meer" type="button" aria-label="Meer opties" aria-haspopup="menu" aria-expanded="false">⋯</button>
    </div>`;
    const knop = root.querySelector(".meer");
    knop.addEventListener("click", (e) => {
      e.stopPropagation();
      let menu = root.querySelector(".menu");
      if (menu) { menu.remove(); knop.setAttribute("aria-expanded", "false"); return; }
      menu = document.createElement("div");
      menu.className = "menu";
      menu.setAttribute("role", "menu");
      menu.innerHTML = `<button role="menuitem" type="button" class="melden">Melden</button>
        <a role="menuitem" href="#/u/${esc(auteur)}">Profiel bekijken</a>
        <button role="menuitem" type="button" class="kopieer">Link kopiëren</button>`;
      root.querySelector(".bericht").append(menu);
      knop.setAttribute("aria-expanded", "true");
      menu.querySelector(".melden").addEventListener("click", () => {
        menu.remove();
        const kamer = this.getAttribute("room");
        document.querySelector("hp-report-sheet").open({
          soort: "bericht",
          id,
          link: `${location.origin}/#/kamer/${kamer}?bericht=${id}`,
          omschrijving: `bericht van ${naam} in de kamer`,
        });
      });
    });
  }
}

class HpReportSheet extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: "open" });
  }
  open(item) {
    const root = this.shadowRoot;
    root.innerHTML = `<style>${basis}
      .achter{position:fixed;inset:0;background:#0007;display:flex;align-items:flex-end;justify-content:center;z-index:50}
      .blad{background:#fff;border-radius:18px 18px 0 0;max-width:560px;width:100%;max-height:88vh;overflow:auto;padding:18px 22px}
      h2{margin:0 0 6px}fieldset{border:0;padding:0;margin:10px 0}legend{font-weight:700;margin-bottom:6px}
      .keuze{display:block;padding:5px 0}label.veld{display:block;font-weight:600;margin-top:10px}
      input[type=text],input[type=email],textarea{width:100%;box-sizing:border-box;padding:8px;border:1px solid #ccc;border-radius:8px}
      .knoppen{display:flex;gap:10px;margin-top:14px}.verstuur{background:#ff6b4a;color:#fff;border:0;border-radius:18px;padding:10px 18px;font-weight:700}
      .annuleer{background:#eee;border:0;border-radius:18px;padding:10px 18px}.klein{font-size:.8rem;color:#666}
    </style>
    <div class="achter"><div class="blad" role="dialog" aria-modal="true" aria-labelledby="titel">
      <h2 id="titel">Melden</h2>
      <p class="klein">Je meldt een ${esc(item.omschrijving)}. Je hebt geen account nodig. Is iemand in direct gevaar? Bel 112.</p>
      <form>
        <fieldset><legend>Wat is er aan de hand?</legend>
          <label class="keuze"><input type="radio" name="reden" value="pesten" required> Pesten, intimidatie of bedreiging</label>
          <label class="keuze"><input type="radio" name="reden" value="naaktbeelden"> Naaktbeelden gedeeld zonder toestemming, of afpersing met beelden (sextortion)</label>
          <label class="keuze"><input type="radio" name="reden" value="minderjarig"> Iemand lijkt jonger dan 18</label>
          <label class="keuze"><input type="radio" name="reden" value="grooming"> Iemand probeert een minderjarige te versieren of te lokken (grooming)</label>
          <label class="keuze"><input type="radio" name="reden" value="mensenhandel"> Iemand wordt uitgebuit, gedwongen tot seks of werk, of verkocht (mensenhandel)</label>
          <label class="keuze"><input type="radio" name="reden" value="haat"> Haat of discriminatie</label>
          <label class="keuze"><input type="radio" name="reden" value="oplichting"> Oplichting of spam</label>
          <label class="keuze"><input type="radio" name="reden" value="anders"> Iets anders</label>
        </fieldset>
        <label class="veld" for="link">Waar gaat het om?</label>
        <input type="text" id="link" name="link" value="${esc(item.link)}" readonly>
        <input type="hidden" name="soort" value="${esc(item.soort)}"><input type="hidden" name="item_id" value="${esc(item.id)}">
        <label class="veld" for="toelichting">Vertel wat je zag (optioneel)</label>
        <textarea id="toelichting" name="toelichting" rows="3"></textarea>
        <label class="veld" for="naam">Je naam (optioneel)</label>
        <input type="text" id="naam" name="naam" autocomplete="name">
        <label class="veld" for="email">Je e-mailadres (optioneel, voor een ontvangstbevestiging)</label>
        <input type="email" id="email" name="email" autocomplete="email">
        <p><label><input type="checkbox" name="goede_trouw" required> Ik verklaar dat deze melding naar eer en geweten juist en volledig is.</label></p>
        <div class="knoppen"><button class="verstuur" type="submit">Melding versturen</button><button class="annuleer" type="button">Annuleren</button></div>
        <p class="klein">Wat er met je melding gebeurt lees je in de <a href="#/faq">veelgestelde vragen</a>.</p>
      </form>
    </div></div>`;
    root.querySelector(".annuleer").addEventListener("click", () => this.close());
    root.querySelector("form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const knop = root.querySelector(".verstuur");
      knop.disabled = true;
      try {
        const r = await fetch("/api/meldingen", { method: "POST", body: new FormData(e.target) });
        if (!r.ok) throw new Error(r.status);
        root.querySelector(".blad").innerHTML = `<h2>Bedankt voor je melding</h2><p>We hebben je melding ontvangen en kijken er binnen 24 uur naar.</p><button class="annuleer" type="button">Sluiten</button>`;
        root.querySelector(".annuleer").addEventListener("click", () => this.close());
      } catch (err) {
        knop.disabled = false;
        knop.textContent = "Opnieuw proberen";
      }
    });
  }
  close() { this.shadowRoot.innerHTML = ""; }
}

class HpProfile extends HTMLElement {
  set data(u) {
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${basis}
      .kaart{background:#fff;border-radius:18px;padding:20px;box-shadow:0 1px 4px #0002;position:relative}
      .avatar{width:88px;height:88px;border-radius:50%;background:${esc(u.color)};color:#fff;font-size:2.2rem;font-weight:800;display:flex;align-items:center;justify-content:center}
      h1{margin:10px 0 2px}.sub{color:#666}.acties{display:flex;gap:10px;margin:14px 0;flex-wrap:wrap}
      .acties a,.acties button{border-radius:18px;padding:8px 16px;border:0;font-weight:600}
      .volg{background:#1d1b2f;color:#fff}.bericht{background:#ff6b4a;color:#fff}.meer{background:#eee;color:#1d1b2f;font-size:1.1rem}
      .menu{position:absolute;right:20px;top:150px;background:#fff;border-radius:10px;box-shadow:0 4px 14px #0003;min-width:180px;z-index:4}
      .menu a{display:block;padding:10px 14px;color:#1d1b2f}
    </style>
    <div class="kaart">
      <div class="avatar" aria-hidden="true">${esc(u.name[0])}</div>
      <h1>${esc(u.name)}, ${esc(u.age)}</h1>
      <div class="sub">@${esc(u.handle)} · ${esc(u.city)} · ${esc(u.since)}</div>
      <div class="acties">
        <a class="volg" href="#/inloggen?na=volgen&amp;wie=${esc(u.handle)}">Volgen</a>
        <a class="bericht" href="#/inloggen?na=bericht&amp;wie=${esc(u.handle)}">Stuur bericht</a>
        <button class="meer" type="button" aria-label="Meer opties voor ${esc(u.name)}" aria-haspopup="menu">⋯</button>
      </div>
      <slot></slot>
    </div>`;
    const knop = root.querySelector(".meer");
    knop.addEventListener("click", () => {
      let menu = root.querySelector(".menu");
      if (menu) { menu.remove(); return; }
      menu = document.createElement("div");
      menu.className = "menu";
      menu.setAttribute("role", "menu");
      menu.innerHTML = `<a role="menuitem" href="#/inloggen?na=blokkeren&amp;wie=${esc(u.handle)}">Blokkeren</a>
        <a role="menuitem" href="#/inloggen?na=melden&amp;wie=${esc(u.handle)}">Profiel melden</a>`;
      root.querySelector(".kaart").append(menu);
    });
  }
}

customElements.define("hp-header", HpHeader);
customElements.define("hp-footer", HpFooter);
customElements.define("hp-room-card", HpRoomCard);
customElements.define("hp-message", HpMessage);
customElements.define("hp-report-sheet", HpReportSheet);
customElements.define("hp-profile", HpProfile);

export { esc };
