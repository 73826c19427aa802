/* PulseChat UI components. Each component renders into an open shadow root. */
(() => {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const base = `
    :host{display:block;font:inherit;color:#1d1b2c}
    a{color:#5b3cc4}
    .card{background:#fff;border:1px solid #e3e0ef;border-radius:14px;padding:20px}
    .btn{display:inline-flex;align-items:center;gap:6px;background:#5b3cc4;color:#fff;border:0;border-radius:999px;padding:9px 16px;text-decoration:none;font:inherit;font-weight:600;cursor:pointer}
    .btn.ghost{background:#fff;color:#5b3cc4;border:1px solid #5b3cc4}
    .icon{all:unset;display:inline-grid;place-items:center;width:36px;height:36px;border-radius:50%;cursor:pointer;color:#6b6880}
    .icon:hover{background:#f0eefa}
    .muted{color:#6b6880}
    .menu{position:absolute;right:0;top:40px;background:#fff;border:1px solid #e3e0ef;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.12);min-width:200px;padding:6px;z-index:5}
    .menu button,.menu a{all:unset;display:block;padding:9px 12px;border-radius:6px;cursor:pointer}
    .menu button:hover,.menu a:hover{background:#f0eefa}
    .wrap{position:relative}
    .note{background:#fdf6e3;border-radius:8px;padding:8px 12px;font-size:.92rem}
  `;
  const FLAG = '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 21V4m0 0h11l-2 4 2 4H5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/></svg>';
  const DOTS = '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><circle cx="5" cy="12" r="2" fill="currentColor"/><circle cx="12" cy="12" r="2" fill="currentColor"/><circle cx="19" cy="12" r="2" fill="currentColor"/></svg>';

  async function getJSON(url) {
    const r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }

  class PcHeader extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${base}
        header{display:flex;align-items:center;gap:18px;padding:12px 20px;background:#fff;border-bottom:1px solid #e3e0ef}
        nav{display:flex;gap:16px;flex:1}
        nav a{text-decoration:none;color:#1d1b2c;font-weight:500}
        .brand{display:flex;align-items:center;gap:8px;font-weight:800;text-decoration:none;color:#1d1b2c;font-size:1.15rem}
      </style>
      <header>
        <a class="brand" href="/"><img src="/img/logo.svg" width="28" height="28" alt="">PulseChat</a>
        <nav aria-label="Main">
          <a href="/rooms">Rooms</a><a href="/people">People</a><a href="/safety">Safety</a><a href="/help">Help</a>
        </nav>
        <a href="/login">Log in</a>
        <a class="btn" href="/signup">Join PulseChat</a>
      </header>`;
    }
  }

  class PcFooter extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${base}
        footer{border-top:1px solid #e3e0ef;background:#fff;padding:24px 20px;margin-top:40px;font-size:.92rem}
        .cols{display:flex;flex-wrap:wrap;gap:10px 22px;max-width:980px;margin:0 auto}
        .cols a{color:#3a3850;text-decoration:none}
        p{max-width:980px;margin:14px auto 0}
      </style>
      <footer>
        <div class="cols">
          <a href="/safety">Safety centre</a>
          <a href="/safety/support">Get support</a>
          <a href="/help">Help &amp; FAQ</a>
          <a href="/guidelines">Community guidelines</a>
          <a href="/terms">Terms of use</a>
          <a href="/privacy">Privacy</a>
          <a href="/cookies">Cookies</a>
          <a href="/contact">Contact us</a>
          <a href="/about">About</a>
        </div>
        <p class="muted">© 2026 PulseChat Ltd. Made in Manchester and Rotterdam.</p>
      </footer>`;
    }
  }

  class PcConsent extends HTMLElement {
    connectedCallback() {
      if (localStorage.getItem("pc_consent")) return;
      const frame = document.createElement("iframe");
      frame.src = "/consent/";
      frame.title = "Cookie choices";
      frame.style.cssText = "position:fixed;left:16px;right:16px;bottom:16px;width:calc(100% - 32px);height:150px;border:0;border-radius:14px;box-shadow:0 10px 30px rgba(0,0,0,.2);z-index:50;background:#fff";
      this.appendChild(frame);
      window.addEventListener("message", (e) => {
        if (e.origin !== location.origin || !e.data || e.data.type !== "pc-consent") return;
        localStorage.setItem("pc_consent", JSON.stringify({ choice: e.data.choice, at: Date.now() }));
        frame.remove();
      });
    }
  }

  /* The report dialog: one per component that can report something. */
  class PcReport extends HTMLElement {
    constructor() {
      super();
      this.root = this.attachShadow({ mode: "open" });
    }
    open(target) {
      const t = target || {};
      this.root.innerHTML = `<style>${base}
        dialog{border:0;border-radius:16px;padding:0;max-width:520px;width:calc(100% - 32px);box-shadow:0 20px 60px rgba(0,0,0,.3)}
        form{padding:22px 24px}
        h2{margin:0 0 6px;font-size:1.25rem}
        fieldset{border:0;padding:0;margin:12px 0}
        legend{font-weight:700;margin-bottom:6px}
        .opt{display:flex;gap:10px;align-items:flex-start;padding:6px 0}
        .opt small{display:block;color:#6b6880}
        label.f{display:block;font-weight:600;margin:12px 0 4px}
        input[type=text],input[type=email],textarea{font:inherit;width:100%;padding:8px 10px;border:1px solid #e3e0ef;border-radius:8px;box-sizing:border-box}
        .actions{display:flex;justify-content:space-between;align-items:center;margin-top:16px}
      </style>
      <dialog aria-labelledby="rt">
        <form method="post" action="/api/reports" enctype="multipart/form-data">
          <h2 id="rt">Report ${esc(t.label || "this")}</h2>
          <p class="muted">Reports are private. The person you report won't know it was you. You don't need an account.</p>
          <input type="hidden" name="target_url" value="${esc(t.url || location.href)}">
          <input type="hidden" name="target_type" value="${esc(t.type || "member")}">
          <input type="hidden" name="target_id" value="${esc(t.id || "")}">
          <fieldset>
            <legend>What's wrong?</legend>
            <label class="opt"><input type="radio" name="reason" value="spam" required><span>Spam or a scam<small>Fake offers, asking for money, links to other sites</small></span></label>
            <label class="opt"><input type="radio" name="reason" value="harassment"><span>Bullying or harassment</span></label>
            <label class="opt"><input type="radio" name="reason" value="threats"><span>Threats or violence<small>Threatening to hurt someone, or to share private images</small></span></label>
            <label class="opt"><input type="radio" name="reason" value="hate"><span>Hate speech</span></label>
            <label class="opt"><input type="radio" name="reason" value="sexual_exploitation"><span>Sexual exploitation or trafficking<small>Someone is being forced, sold or paid for sex, or pressured into sexual acts</small></span></label>
            <label class="opt"><input type="radio" name="reason" value="under_18"><span>Someone under 18<small>A child or teenager is using PulseChat, or is being contacted sexually</small></span></label>
            <label class="opt"><input type="radio" name="reason" value="impersonation"><span>Pretending to be someone else</span></label>
            <label class="opt"><input type="radio" name="reason" value="other"><span>Something else</span></label>
          </fieldset>
          <label class="f" for="d">Tell us what happened (optional)</label>
          <textarea id="d" name="details" rows="3"></textarea>
          <label class="f" for="ev">Add screenshots or files (optional)</label>
          <input id="ev" type="file" name="evidence" accept="image/*,application/pdf" multiple>
          <label class="f" for="rn">Your name (optional)</label>
          <input id="rn" type="text" name="reporter_name" autocomplete="name">
          <label class="f" for="re">Your email (optional)</label>
          <input id="re" type="email" name="reporter_email" autocomplete="email">
          <p class="muted">Leave your email and we will tell you what we did about your report, and how to ask us to look again if you disagree.</p>
          <label class="opt"><input type="checkbox" name="good_faith" value="yes" required><span>I believe the information in this report is accurate and complete, and I am sending it in good faith.</span></label>
          <p class="note">If someone is in immediate danger, call 999 in the UK or 112 in the Netherlands.</p>
          <div class="actions">
            <a href="/safety/after-you-report">What happens after I report?</a>
            <span><button type="button" class="btn ghost" data-close>Cancel</button> <button type="submit" class="btn">Send report</button></span>
          </div>
        </form>
      </dialog>`;
      const dlg = this.root.querySelector("dialog");
      this.root.querySelector("[data-close]").addEventListener("click", () => dlg.close());
      dlg.showModal();
    }
  }

  function menu(root, anchor, items) {
    root.querySelectorAll(".menu").forEach((m) => m.remove());
    const m = document.createElement("div");
    m.className = "menu";
    m.setAttribute("role", "menu");
    m.innerHTML = items.map((i) => (i.href ? `<a role="menuitem" href="${i.href}">${esc(i.text)}</a>` : `<button role="menuitem" type="button" data-act="${i.act}">${esc(i.text)}</button>`)).join("");
    anchor.parentElement.appendChild(m);
    anchor.setAttribute("aria-expanded", "true");
    m.addEventListener("click", (e) => {
      const act = e.target.closest("[data-act]");
      if (!act) return;
      const note = document.createElement("p");
      note.className = "note";
      note.innerHTML = `You need to be logged in to ${esc(act.dataset.act)}. <a href="/login">Log in</a> or <a href="/signup">join</a>.`;
      m.replaceChildren(note);
    });
    return m;
  }

  class PcProfile extends HTMLElement {
    async connectedCallback() {
      const handle = this.getAttribute("handle");
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${base}</style><p class="muted">Loading profile…</p>`;
      let m;
      try { m = await getJSON(`/api/members/${encodeURIComponent(handle)}.json`); }
      catch (e) { root.innerHTML = `<p>This profile isn't available.</p>`; return; }
      document.title = `${m.name} (@${m.handle}) · PulseChat`;
      root.innerHTML = `<style>${base}
        .top{display:flex;gap:18px;align-items:center}
        .top img{width:88px;height:88px;border-radius:50%}
        h1{margin:0;font-size:1.6rem}
        .actions{display:flex;gap:8px;align-items:center;margin-left:auto}
        ul{padding-left:18px}
      </style>
      <article class="card">
        <div class="top">
          <img src="${esc(m.avatar)}" alt="">
          <div><h1>${esc(m.name)}</h1><div class="muted">@${esc(m.handle)} · ${esc(m.city)} · on PulseChat since ${esc(m.since)}</div></div>
          <div class="actions">
            <a class="btn" href="/m/${esc(m.handle)}/message">Message</a>
            <button class="btn ghost" type="button" data-follow>Follow</button>
            <button class="icon" type="button" aria-label="Report" title="Report" data-report>${FLAG}</button>
            <span class="wrap"><button class="icon" type="button" aria-label="More options" aria-haspopup="menu" aria-expanded="false" data-more>${DOTS}</button></span>
          </div>
        </div>
        <p>${esc(m.bio)}</p>
        <h2>Rooms</h2>
        <ul>${m.rooms.map((r) => `<li><a href="/rooms/${esc(r)}">${esc(r.replace("-", " "))}</a></li>`).join("")}</ul>
        <p class="muted">New messages from people ${esc(m.name)} doesn't follow arrive in their Requests folder.</p>
      </article>
      <pc-report></pc-report>`;
      root.querySelector("[data-report]").addEventListener("click", () =>
        root.querySelector("pc-report").open({ label: `@${m.handle}`, type: "member", id: m.handle, url: location.href }));
      root.querySelector("[data-more]").addEventListener("click", (e) =>
        menu(root, e.currentTarget, [
          { text: `Block ${m.name}`, act: "block people" },
          { text: `Mute ${m.name}`, act: "mute people" },
          { text: "Copy link to profile", act: "copy links" },
        ]));
      root.querySelector("[data-follow]").addEventListener("click", () => { location.href = "/login?next=" + encodeURIComponent(location.pathname); });
    }
  }

  class PcRoom extends HTMLElement {
    async connectedCallback() {
      const slug = this.getAttribute("slug");
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${base}</style><p class="muted">Loading room…</p>`;
      let r;
      try { r = await getJSON(`/api/rooms/${encodeURIComponent(slug)}.json`); }
      catch (e) { root.innerHTML = `<p>This room isn't available.</p>`; return; }
      root.innerHTML = `<style>${base}
        .head{display:flex;align-items:center;gap:12px}
        h1{margin:0}
        .msgs{list-style:none;padding:0}
        .msgs li{display:flex;gap:10px;padding:12px 0;border-bottom:1px solid #f0eefa}
        .msgs .body{flex:1}
        .composer{margin-top:16px;padding:14px;border:1px dashed #d6d1ea;border-radius:10px}
      </style>
      <section class="card">
        <div class="head"><h1># ${esc(r.title)}</h1><span class="muted">${r.members} members</span>
          <span class="wrap" style="margin-left:auto"><button class="icon" type="button" aria-label="Room options" aria-haspopup="menu" aria-expanded="false" data-more>${DOTS}</button></span>
        </div>
        <p class="muted">${esc(r.topic)}</p>
        <ul class="msgs">
          ${r.messages.map((x) => `<li id="${esc(x.id)}"><div class="body"><a href="/m/${esc(x.author)}"><b>@${esc(x.author)}</b></a> <span class="muted">${esc(x.time)}</span><div>${esc(x.text)}</div></div>
            <button class="icon" type="button" aria-label="Report" title="Report" data-report="${esc(x.id)}">${FLAG}</button></li>`).join("")}
        </ul>
        <div class="composer"><a href="/rooms/${esc(r.slug)}/join">Log in to join the conversation</a></div>
      </section>
      <pc-report></pc-report>`;
      root.querySelectorAll("[data-report]").forEach((b) => b.addEventListener("click", () =>
        root.querySelector("pc-report").open({ label: "this message", type: "message", id: b.dataset.report, url: location.href.split("#")[0] + "#" + b.dataset.report })));
      root.querySelector("[data-more]").addEventListener("click", (e) =>
        menu(root, e.currentTarget, [
          { text: "Mute this room", act: "mute rooms" },
          { text: "Room rules", href: "/guidelines" },
        ]));
    }
  }

  class PcList extends HTMLElement {
    async connectedCallback() {
      const kind = this.getAttribute("kind");
      const limit = +(this.getAttribute("limit") || 99);
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${base}</style><p class="muted">Loading…</p>`;
      const data = (await getJSON(kind === "people" ? "/api/members.json" : "/api/rooms.json")).slice(0, limit);
      const cards = kind === "people"
        ? data.map((m) => `<a class="card tile" href="/m/${esc(m.handle)}"><img src="${esc(m.avatar)}" alt="" width="48" height="48"><b>${esc(m.name)}</b><span class="muted">@${esc(m.handle)} · ${esc(m.city)}</span></a>`)
        : data.map((r) => `<a class="card tile" href="/rooms/${esc(r.slug)}"><b># ${esc(r.title)}</b><span class="muted">${esc(r.topic)}</span><span class="muted">${r.members} members</span></a>`);
      root.innerHTML = `<style>${base}
        .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
        .tile{display:flex;flex-direction:column;gap:4px;text-decoration:none;color:inherit}
        .tile img{border-radius:50%}
      </style><div class="grid">${cards.join("")}</div>`;
    }
  }

  /* Question-and-answer lists: answers open on click. */
  class PcFaq extends HTMLElement {
    connectedCallback() {
      this.querySelectorAll(".qa").forEach((qa, i) => {
        const q = qa.querySelector("button");
        const a = qa.querySelector(".answer");
        a.id = a.id || `${this.id || "faq"}-a${i}`;
        q.setAttribute("aria-controls", a.id);
        q.setAttribute("aria-expanded", "false");
        a.hidden = true;
        q.addEventListener("click", () => {
          const open = q.getAttribute("aria-expanded") === "true";
          q.setAttribute("aria-expanded", String(!open));
          a.hidden = open;
        });
      });
    }
  }

  customElements.define("pc-header", PcHeader);
  customElements.define("pc-footer", PcFooter);
  customElements.define("pc-consent", PcConsent);
  customElements.define("pc-report", PcReport);
  customElements.define("pc-profile", PcProfile);
  customElements.define("pc-room", PcRoom);
  customElements.define("pc-list", PcList);
  customElements.define("pc-faq", PcFaq);
})();
