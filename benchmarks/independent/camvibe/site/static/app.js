/* CamVibe web client (tiny render layer, React-style: state -> h() tree -> DOM). */
(function () {
  "use strict";
  var AGE_KEY = "cv_age_ok";

  function h(tag, props) {
    var el = document.createElement(tag);
    var kids = Array.prototype.slice.call(arguments, 2);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (k === "className") el.className = v;
      else if (k === "onClick") el.addEventListener("click", v);
      else if (k.indexOf("data-") === 0 || k.indexOf("aria-") === 0 || k === "role" || k === "type" || k === "title" || k === "tabindex" || k === "onclick" || k === "disabled" || k === "placeholder" || k === "src" || k === "alt" || k === "id")
        el.setAttribute(k, v);
      else el[k] = v;
    });
    kids.forEach(function (c) {
      if (c == null || c === false) return;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) el.appendChild(typeof x === "string" ? document.createTextNode(x) : x); });
      else el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return el;
  }

  function mount(root, tree) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(tree);
  }

  function go(el) { window.location.href = el.getAttribute("data-href"); }
  window.cvGo = go;

  /* ---------- age gate ---------- */
  function ageOk() {
    try { return window.localStorage.getItem(AGE_KEY) === "1"; } catch (e) { return false; }
  }

  function startBankCheck(box) {
    var partner = (window.__CV || {}).partner;
    if (window.Tessera && window.Tessera.open) {
      window.Tessera.open({
        client: "camvibe",
        container: box,
        onVerified: function () {
          window.localStorage.setItem(AGE_KEY, "1");
          window.location.reload();
        }
      });
    } else {
      var frame = h("iframe", {title: "Tessera age check", src: partner + "/connect.html?client=camvibe"});
      mount(box, frame);
    }
  }

  function gate(root) {
    document.body.classList.add("gated");
    var box = h("div", {className: "bank-box"});
    var dlg = h("div", {className: "gate", role: "dialog", "aria-modal": "true", "aria-labelledby": "gate-title"},
      h("img", {src: "/static/logo.svg", alt: "", className: "gate-logo"}),
      h("h2", {id: "gate-title"}, "Adults only: confirm you're 18+"),
      h("p", null, "CamVibe shows live adult content. Before you enter, we ask your bank to confirm that you are over 18. " +
        "Our partner Tessera connects to your bank or national eID; your bank only tells us \"over 18: yes\" — not your name, balance or date of birth."),
      h("button", {type: "button", className: "cta big", onClick: function () { startBankCheck(box); }}, "Continue with your bank"),
      box,
      h("p", {className: "small"}, "No bank account? You can also use your national eID app in the next step. ",
        h("a", {href: "/help/age-check"}, "Why do we ask?")),
      h("a", {className: "leave", href: "/leave"}, "I'm under 18 — leave")
    );
    mount(root, h("div", {className: "gate-backdrop"}, dlg));
  }

  /* ---------- views ---------- */
  function card(p) {
    return h("button", {type: "button", className: "card", "data-href": "/performer/" + p.handle, onclick: "cvGo(this)"},
      h("span", {className: "thumb " + (p.live ? "is-live" : "")}, p.live ? "LIVE" : "Offline"),
      h("span", {className: "card-name"}, p.name),
      h("span", {className: "card-meta"}, p.live ? p.viewers + " watching" : "Next: " + p.schedule),
      h("span", {className: "card-tags"}, p.tags.map(function (t) { return "#" + t; }).join(" "))
    );
  }

  function grid(root, list) {
    var cat = root.getAttribute("data-category");
    var shown = list.filter(function (p) { return !cat || p.category === cat; });
    shown.sort(function (a, b) { return b.viewers - a.viewers; });
    mount(root, h("section", {className: "grid-wrap"},
      h("h1", null, cat ? cat.charAt(0).toUpperCase() + cat.slice(1) + " live now" : "Live now on CamVibe"),
      h("div", {className: "grid", role: "list"}, shown.map(card))
    ));
  }

  function loginFirst(what, href) {
    return function () { window.location.href = href; };
  }

  function room(root, p) {
    document.title = p.name + " · CamVibe";
    var chatLog = h("ul", {className: "chat-log", "aria-live": "polite"},
      h("li", null, h("b", null, "CamVibe: "), "Welcome to " + p.name + "'s room. Log in to join the chat."));
    mount(root, h("section", {className: "room"},
      h("div", {className: "stage"},
        h("div", {className: "video " + (p.live ? "is-live" : "")}, p.live ? "● LIVE — " + p.viewers + " watching" : p.name + " is offline. Next show: " + p.schedule),
        h("div", {className: "room-head"},
          h("h1", null, p.name),
          h("span", {className: "country"}, p.country + " · " + p.languages.join(", ")),
          h("div", {className: "room-actions"},
            h("button", {type: "button", className: "ghost", onClick: loginFirst("follow", "/favourites/" + p.handle)}, "♡ Follow"),
            h("button", {type: "button", className: "cta", onClick: loginFirst("tip", "/tip/" + p.handle)}, "Send tip"),
            h("button", {type: "button", className: "ghost", onClick: loginFirst("private", "/private/" + p.handle)}, "Private chat"),
            h("button", {type: "button", className: "icon-btn flag", "aria-label": "Report performer", title: "Report performer",
              onClick: function () { window.location.href = "/report/" + p.handle; }},
              h("img", {src: "/static/flag.svg", alt: ""}))
          )
        ),
        h("div", {className: "about"},
          h("h2", null, "About me"),
          h("p", null, p.bio),
          h("p", {className: "tags"}, p.tags.map(function (t) { return "#" + t; }).join(" ")),
          h("p", null, "Schedule: " + p.schedule)
        )
      ),
      h("aside", {className: "chat"},
        h("h2", null, "Room chat"),
        chatLog,
        h("div", {className: "chat-input"},
          h("input", {type: "text", placeholder: "Log in to chat", disabled: "disabled", "aria-label": "Chat message"}),
          h("button", {type: "button", onClick: loginFirst("chat", "/login?next=/performer/" + p.handle)}, "Log in to chat")
        )
      )
    ));
  }

  function boot() {
    var root = document.getElementById("root");
    if (!root) return;
    if (root.getAttribute("data-gated") && !ageOk()) { gate(root); return; }
    fetch(root.getAttribute("data-source"), {credentials: "same-origin"})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        if (root.getAttribute("data-view") === "room") room(root, data); else grid(root, data);
      })
      .catch(function () { mount(root, h("p", {className: "error"}, "Something went wrong loading this page. Please refresh.")); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot); else boot();
})();
