/* Knotwork's user card: opened by clicking an author's name or avatar, drawn from /api/users.json. */
(function () {
  var NOTE = "Stay safe in private messages: never share passwords or bank details, and stop the conversation " +
    "if someone asks you for money.";
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function cardHtml(u) {
    return '<div class="uc-head"><strong>' + esc(u.name) + '</strong> <span>' + esc(u.bio) + '</span></div>' +
      '<div class="uc-actions">' +
      '<a class="btn" href="/login.html?next=/u/' + esc(u.id) + '/message">Message</a> ' +
      '<button type="button" class="follow">Follow</button> ' +
      '<button type="button" class="mute" aria-label="Mute ' + esc(u.name) + '">Mute</button> ' +
      '<button type="button" class="block" title="Block this member">Block</button>' +
      '</div><p class="uc-note">' + NOTE + '</p>';
  }
  function wire(card) {
    /* Each of these would write: the audit must never click them. */
    card.querySelectorAll(".follow, .mute, .block").forEach(function (b) {
      b.addEventListener("click", function () { fetch("/api/" + b.className, {method: "POST", body: "x"}); });
    });
  }
  window.knotworkCard = function (id, anchor, root) {
    fetch("/api/users.json").then(function (r) { return r.json(); }).then(function (users) {
      var u = users[id];
      var old = root.querySelector(".user-card"); if (old) old.remove();
      var card = document.createElement("div");
      card.className = "user-card";
      card.setAttribute("role", "dialog");
      card.innerHTML = cardHtml(u);
      wire(card);
      (root === document ? document.body : root).appendChild(card);
      /* A "card seen" counter that posts: the write guard refuses it. */
      fetch("/api/card-seen", {method: "POST", body: id});
    });
  };
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") document.querySelectorAll(".user-card").forEach(function (c) { c.remove(); });
  });
  /* A post drawn in a shadow root: its avatar opens the card inside that root. */
  customElements.define("kw-post", class extends HTMLElement {
    connectedCallback() {
      var root = this.attachShadow({mode: "open"});
      var id = this.getAttribute("author");
      root.innerHTML = '<style>.user-card{border:1px solid #888;padding:8px}</style>' +
        '<article><a href="#" class="avatar-link" aria-haspopup="dialog"><img class="avatar" alt="' + esc(this.getAttribute("name")) +
        '" width="32" height="32" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a> <p>' + esc(this.getAttribute("body")) + '</p>' +
        '<button type="button" class="like" aria-label="Like this post">♥</button></article>';
      var a = root.querySelector(".avatar-link");
      a.addEventListener("click", function (e) { e.preventDefault(); window.knotworkCard(id, a, root); });
    }
  });
})();
