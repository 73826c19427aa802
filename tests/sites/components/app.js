// Web components with open shadow roots, as a component-built chat app renders them.
customElements.define("x-people", class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: "open"});
    const people = ["anna.v", "bram_k", "chris", "dewi.s", "emre"];
    root.innerHTML = "<ul>" + people.map((h) => `<li><a href="/m/${h}.html">@${h}</a></li>`).join("") + "</ul>";
  }
});
customElements.define("x-profile", class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: "open"});
    root.innerHTML = `<h1>${this.getAttribute("name")}</h1><p>Likes films and long walks.</p>
      <button type="button" aria-label="Report" title="Report"><svg width="16" height="16"></svg></button>`;
  }
});
// Accordions: answers hidden until the question is clicked.
document.querySelectorAll(".qa").forEach((qa, i) => {
  const q = qa.querySelector("button"), a = qa.querySelector(".answer");
  a.id = "a" + i; a.hidden = true;
  q.setAttribute("aria-controls", a.id); q.setAttribute("aria-expanded", "false");
  q.addEventListener("click", () => { const open = q.getAttribute("aria-expanded") === "true";
    q.setAttribute("aria-expanded", String(!open)); a.hidden = open; });
});
