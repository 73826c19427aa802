// Chatterbox web components (v2.3)
(function () {
  "use strict";

  class RoomCard extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const name = this.getAttribute("name") || "";
      const members = Number(this.getAttribute("members") || 0).toLocaleString("en-GB");
      root.innerHTML = `
        <link rel="stylesheet" href="/static/chrome.css">
        <a class="card-link" part="link"></a>`;
      const a = root.querySelector("a");
      a.href = this.getAttribute("href");
      a.innerHTML = `<span class="hash">#</span><strong></strong><span class="topic"><slot></slot></span><span class="count"></span>`;
      a.querySelector("strong").textContent = name;
      a.querySelector(".count").textContent = members + " members";
    }
  }
  customElements.define("cb-room-card", RoomCard);

  class ChatMessage extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `
        <link rel="stylesheet" href="/static/chrome.css">
        <div class="msg">
          <div class="who"><slot name="author"></slot> <span class="time"><slot name="time"></slot></span></div>
          <div class="body"><slot name="text"></slot></div>
          <div class="tools">
            <button type="button" class="dots" aria-label="More actions for this message" aria-haspopup="menu" aria-expanded="false">⋯</button>
          </div>
        </div>`;
      const btn = root.querySelector(".dots");
      btn.addEventListener("click", (e) => {
        e.stopPropagation();
        const open = root.querySelector(".menu");
        if (open) { open.remove(); btn.setAttribute("aria-expanded", "false"); return; }
        document.querySelectorAll("cb-message").forEach((m) => m !== this && m.closeMenu && m.closeMenu());
        const id = this.dataset.id, room = this.dataset.room;
        const menu = document.createElement("div");
        menu.className = "menu";
        menu.setAttribute("role", "menu");
        menu.innerHTML = `
          <a role="menuitem" href="/rooms/${room}/post?reply=${id}">Reply</a>
          <button type="button" role="menuitem" data-copy>Copy link</button>
          <a role="menuitem" href="/report?message=${id}&room=${room}">Report message</a>`;
        menu.querySelector("[data-copy]").addEventListener("click", () => {
          const link = location.origin + "/rooms/" + room + "#m" + id;
          if (navigator.clipboard) navigator.clipboard.writeText(link).catch(() => {});
          menu.remove(); btn.setAttribute("aria-expanded", "false");
        });
        root.querySelector(".tools").appendChild(menu);
        btn.setAttribute("aria-expanded", "true");
      });
      this.id = "m" + this.dataset.id;
    }
    closeMenu() {
      const m = this.shadowRoot && this.shadowRoot.querySelector(".menu");
      if (m) { m.remove(); this.shadowRoot.querySelector(".dots").setAttribute("aria-expanded", "false"); }
    }
  }
  customElements.define("cb-message", ChatMessage);

  document.addEventListener("click", () => {
    document.querySelectorAll("cb-message").forEach((m) => m.closeMenu());
  });

  // terms accordion
  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest(".accordion button[aria-controls]");
    if (!b) return;
    const panel = document.getElementById(b.getAttribute("aria-controls"));
    const open = b.getAttribute("aria-expanded") === "true";
    b.setAttribute("aria-expanded", open ? "false" : "true");
    panel.hidden = open;
  });
})();
