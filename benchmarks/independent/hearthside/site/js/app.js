/* Hearthside web client. One shell, client-side routing, data from /api. */
(function () {
  "use strict";
  var view = document.getElementById("view");
  var overlayRoot = document.getElementById("overlay-root");
  var partner = document.getElementById("root").getAttribute("data-partner");
  var openMenu = null;

  // ---------- helpers
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") n.textContent = attrs[k];
      else if (k === "html") n.innerHTML = attrs[k];
      else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), attrs[k]);
      else n.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) n.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return n;
  }
  function api(path) {
    return fetch(path, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }
  function loggedIn() { return /(?:^|; )hs_session=/.test(document.cookie); }
  function go(path) {
    history.pushState({}, "", path);
    render();
    window.scrollTo(0, 0);
  }
  function toLogin(next) { go("/login?next=" + encodeURIComponent(next || location.pathname)); }
  function setTitle(t) { document.title = t + " · Hearthside"; }
  function initials(name) { return name.split(/\s+/).map(function (p) { return p[0]; }).join("").slice(0, 2).toUpperCase(); }

  // ---------- cookie consent (covers the app until a choice is made)
  function consent() {
    var box = document.getElementById("consent");
    if (/(?:^|; )hs_consent=/.test(document.cookie)) return;
    box.hidden = false;
    document.body.classList.add("locked");
    box.querySelectorAll("button[data-consent]").forEach(function (b) {
      b.addEventListener("click", function () {
        document.cookie = "hs_consent=" + b.getAttribute("data-consent") + "; path=/; max-age=31536000; SameSite=Lax";
        box.hidden = true;
        document.body.classList.remove("locked");
      });
    });
  }

  // ---------- the ⋯ menus
  function closeMenu() {
    if (openMenu) {
      openMenu.menu.remove();
      openMenu.button.setAttribute("aria-expanded", "false");
      openMenu = null;
    }
  }
  document.addEventListener("click", function (e) {
    if (openMenu && !openMenu.menu.contains(e.target) && e.target !== openMenu.button) closeMenu();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeMenu(); closeDialog(); } });

  function moreButton(label, items) {
    var btn = el("button", { type: "button", "class": "more", "aria-label": label, "aria-haspopup": "menu", "aria-expanded": "false", text: "⋯" });
    btn.addEventListener("click", function (e) {
      e.stopPropagation();
      var wasMine = openMenu && openMenu.button === btn;
      closeMenu();
      if (wasMine) return;
      var menu = el("ul", { role: "menu", "class": "menu" });
      items.forEach(function (it) {
        var li = el("li", { role: "none" }, [el("button", { type: "button", role: "menuitem", text: it.label, onclick: function () { closeMenu(); it.run(); } })]);
        menu.appendChild(li);
      });
      btn.parentNode.insertBefore(menu, btn.nextSibling);
      btn.setAttribute("aria-expanded", "true");
      openMenu = { button: btn, menu: menu };
      menu.querySelector("button").focus();
    });
    return btn;
  }
  function copy(text) {
    if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {});
    toast("Link copied");
  }
  function toast(text) {
    var t = el("div", { "class": "toast", role: "status", text: text });
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 2500);
  }

  // ---------- report dialog
  var REASONS = [
    ["spam", "Spam or a scam"],
    ["harassment", "Harassment or bullying"],
    ["hate", "Hate speech"],
    ["child", "Child safety: this person may be under 18, or a child is at risk"],
    ["trafficking", "Human trafficking or exploitation"],
    ["intimate", "Intimate images shared without consent, or sextortion"],
    ["violence", "Violence or threats"],
    ["other", "Something else"]
  ];
  function closeDialog() { overlayRoot.innerHTML = ""; document.body.classList.remove("locked"); }
  function reportDialog(kind, link, who) {
    closeDialog();
    var title = kind === "message" ? "Report this message" : "Report " + who + "'s profile";
    var fs = el("fieldset", {}, [el("legend", { text: "What's wrong?" })]);
    REASONS.forEach(function (r, i) {
      fs.appendChild(el("label", { "class": "radio" }, [el("input", { type: "radio", name: "reason", value: r[0], required: "" }), " " + r[1]]));
    });
    var form = el("form", { method: "post", action: "/api/reports", "class": "report-form" }, [
      fs,
      el("label", { "for": "rp-details", text: "Tell us more (optional)" }),
      el("textarea", { id: "rp-details", name: "details", rows: "4" }),
      el("label", { "for": "rp-link", text: kind === "message" ? "Link to the message" : "Link to the profile" }),
      el("input", { id: "rp-link", name: "target_url", type: "url", value: link, readonly: "" }),
      el("label", { "for": "rp-name", text: "Your name (optional)" }),
      el("input", { id: "rp-name", name: "reporter_name", type: "text", autocomplete: "name" }),
      el("label", { "for": "rp-email", text: "Your email (optional, for your receipt and our decision)" }),
      el("input", { id: "rp-email", name: "reporter_email", type: "email", autocomplete: "email" }),
      el("label", { "class": "check" }, [el("input", { type: "checkbox", name: "good_faith", required: "" }),
        " I confirm in good faith that the information in this report is accurate and complete to the best of my knowledge."]),
      el("p", { "class": "small", text: "You don't need an account to report. You'll see a reference number as soon as you send this, and we email you a receipt if you leave an address. We review most reports within 24 hours; child safety and trafficking reports within 1 hour. We'll tell you our decision, and you can appeal it within 6 months." }),
      el("p", { "class": "small" }, ["If someone is in immediate danger, call 112. ", el("a", { href: "/safety#after", "data-nav": "", text: "What happens after you report" })]),
      el("div", { "class": "actions" }, [
        el("button", { type: "button", "class": "secondary", text: "Cancel", onclick: closeDialog }),
        el("button", { type: "submit", text: "Send report" })
      ])
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      fetch("/api/reports", { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function () {
          var ref = "HS-" + Math.floor(100000 + Math.random() * 899999);
          form.replaceWith(el("div", { "class": "done" }, [el("p", { text: "Thank you. Your report has reached us. Your reference is " + ref + "." })]));
        })
        .catch(function () { toast("Something went wrong, please try again."); });
    });
    var dlg = el("div", { "class": "dialog-backdrop" }, [
      el("div", { role: "dialog", "aria-modal": "true", "aria-labelledby": "rp-title", "class": "dialog" }, [
        el("h2", { id: "rp-title", text: title }), form
      ])
    ]);
    overlayRoot.appendChild(dlg);
    document.body.classList.add("locked");
    form.querySelector("input").focus();
  }

  function needsLogin(action) {
    closeDialog();
    var dlg = el("div", { "class": "dialog-backdrop" }, [
      el("div", { role: "dialog", "aria-modal": "true", "aria-labelledby": "nl-title", "class": "dialog small-dialog" }, [
        el("h2", { id: "nl-title", text: "Log in to " + action }),
        el("p", { text: "You need a Hearthside account for this." }),
        el("div", { "class": "actions" }, [
          el("button", { type: "button", "class": "secondary", text: "Not now", onclick: closeDialog }),
          el("a", { "class": "button", href: "/login?next=" + encodeURIComponent(location.pathname), "data-nav": "", text: "Log in" }),
          el("a", { "class": "button", href: "/signup", "data-nav": "", text: "Join" })
        ])
      ])
    ]);
    overlayRoot.appendChild(dlg);
  }

  // ---------- views
  function homeView() {
    setTitle("Small rooms for good conversations");
    return api("/api/rooms.json").then(function (rooms) {
      view.innerHTML = "";
      view.appendChild(el("section", { "class": "hero" }, [
        el("h1", { text: "Small rooms for good conversations" }),
        el("p", { text: "Hearthside is a calm place for adults to talk about the things they love, with people who love them too." }),
        el("a", { "class": "button", href: "/signup", "data-nav": "", text: "Join Hearthside" })
      ]));
      view.appendChild(roomList(rooms));
    });
  }
  function roomList(rooms) {
    var ul = el("ul", { "class": "rooms" });
    rooms.forEach(function (r) {
      ul.appendChild(el("li", {}, [
        el("a", { href: "/rooms/" + r.id, "data-nav": "" }, [el("strong", { text: r.title })]),
        el("p", { text: r.topic }),
        el("span", { "class": "small", text: r.members + " members · " + r.messages.length + " recent messages" })
      ]));
    });
    return ul;
  }
  function roomsView() {
    setTitle("Rooms");
    return api("/api/rooms.json").then(function (rooms) {
      view.innerHTML = "";
      view.appendChild(el("h1", { text: "Rooms" }));
      view.appendChild(roomList(rooms));
    });
  }
  function roomView(id) {
    return api("/api/rooms/" + encodeURIComponent(id) + ".json").then(function (room) {
      setTitle(room.title);
      view.innerHTML = "";
      view.appendChild(el("header", { "class": "room-head" }, [
        el("h1", { text: room.title }), el("p", { text: room.topic }),
        el("button", { type: "button", "class": "secondary", text: "Mute room", onclick: function () { needsLogin("mute this room"); } })
      ]));
      var list = el("ol", { "class": "messages" });
      room.messages.forEach(function (m) {
        var link = location.origin + "/rooms/" + room.id + "?m=" + m.id;
        var menuWrap = el("div", { "class": "menu-wrap" });
        menuWrap.appendChild(moreButton("More actions for this message", [
          { label: "Copy link", run: function () { copy(link); } },
          { label: "Report message", run: function () { reportDialog("message", link, m.author_name); } },
          { label: "Block user", run: function () { needsLogin("block " + m.author_name); } }
        ]));
        list.appendChild(el("li", { id: m.id, "class": "message" }, [
          el("span", { "class": "avatar", "aria-hidden": "true", text: initials(m.author_name) }),
          el("div", { "class": "body" }, [
            el("div", { "class": "meta" }, [el("a", { href: "/members/" + m.author, "data-nav": "", text: m.author_name }), el("time", { text: m.time })]),
            el("p", { text: m.text })
          ]),
          menuWrap
        ]));
      });
      view.appendChild(list);
      view.appendChild(el("div", { "class": "composer-locked" }, [
        el("p", { text: "Log in to join the conversation." }),
        el("a", { "class": "button", href: "/login?next=" + encodeURIComponent("/rooms/" + room.id), "data-nav": "", text: "Log in" })
      ]));
    });
  }
  function memberView(id) {
    return api("/api/members/" + encodeURIComponent(id) + ".json").then(function (p) {
      setTitle(p.name);
      var link = location.origin + "/members/" + p.id;
      view.innerHTML = "";
      var menuWrap = el("div", { "class": "menu-wrap" });
      menuWrap.appendChild(moreButton("More actions for " + p.name, [
        { label: "Copy profile link", run: function () { copy(link); } },
        { label: "Report profile", run: function () { reportDialog("profile", link, p.name); } },
        { label: "Mute", run: function () { needsLogin("mute " + p.name); } },
        { label: "Block user", run: function () { needsLogin("block " + p.name); } }
      ]));
      var rooms = el("ul", { "class": "chips" });
      p.rooms.forEach(function (r) { rooms.appendChild(el("li", {}, [el("a", { href: "/rooms/" + r, "data-nav": "", text: r.replace(/^r-/, "").replace(/-/g, " ") })])); });
      view.appendChild(el("article", { "class": "profile" }, [
        el("header", {}, [
          el("span", { "class": "avatar big", "aria-hidden": "true", text: initials(p.name) }),
          el("div", {}, [el("h1", { text: p.name }), el("p", { "class": "small", text: p.city + " · member since " + p.joined })]),
          menuWrap
        ]),
        el("p", { "class": "bio", text: p.bio }),
        el("h2", { text: "Active in" }), rooms,
        el("div", { "class": "dm" }, [
          el("button", { type: "button", text: "Message " + p.name.split(" ")[0], onclick: function () { needsLogin("message " + p.name); } }),
          el("p", { "class": "notice", text: "Direct messages are only possible between mutual contacts. Stay safe: never send money, gift cards or intimate images to someone you only know from here. If anyone pressures you or threatens to share images of you, stop replying, keep the messages and report them. We will help." })
        ])
      ]));
    });
  }
  function pageView(slug) {
    return api("/api/pages/" + slug + ".json").then(function (pg) {
      setTitle(pg.title);
      view.innerHTML = "";
      view.appendChild(el("article", { "class": "page" }, [el("h1", { text: pg.title }), el("div", { html: pg.html })]));
    });
  }
  function loginView() {
    setTitle("Log in");
    view.innerHTML = "";
    view.appendChild(el("section", { "class": "page narrow" }, [
      el("h1", { text: "Log in" }),
      el("form", { method: "post", action: "/api/session" }, [
        el("label", { "for": "li-email", text: "Email" }), el("input", { id: "li-email", type: "email", name: "email", required: "" }),
        el("label", { "for": "li-pass", text: "Password" }), el("input", { id: "li-pass", type: "password", name: "password", required: "" }),
        el("button", { type: "submit", text: "Log in" })
      ]),
      el("p", {}, ["New here? ", el("a", { href: "/signup", "data-nav": "", text: "Join Hearthside" })])
    ]));
    return Promise.resolve();
  }
  function signupView() {
    setTitle("Join Hearthside");
    view.innerHTML = "";
    var maxDob = new Date(); maxDob.setFullYear(maxDob.getFullYear() - 18);
    var widget = el("div", { id: "tallyface-widget", "class": "partner-widget" });
    view.appendChild(el("section", { "class": "page narrow signup" }, [
      el("h1", { text: "Join Hearthside" }),
      el("ol", { "class": "steps" }, [el("li", { text: "Your details" }), el("li", { text: "Age check" }), el("li", { text: "Confirm your email" })]),
      el("form", { method: "post", action: "/api/signup", id: "signup-form" }, [
        el("h2", { text: "1. Your details" }),
        el("label", { "for": "su-name", text: "Display name" }), el("input", { id: "su-name", name: "display_name", required: "" }),
        el("label", { "for": "su-email", text: "Email address" }), el("input", { id: "su-email", type: "email", name: "email", required: "" }),
        el("label", { "for": "su-pass", text: "Password" }), el("input", { id: "su-pass", type: "password", name: "password", minlength: "10", required: "" }),
        el("label", { "for": "su-dob", text: "Date of birth" }), el("input", { id: "su-dob", type: "date", name: "birth_date", max: maxDob.toISOString().slice(0, 10), required: "" }),
        el("h2", { text: "2. Age check" }),
        el("p", { text: "Hearthside is only for people aged 18 and over, so everyone who joins does a quick age check with our partner Tallyface. You look into your camera for a few seconds and Tallyface estimates your age from your face. It doesn't find out who you are, and the image is deleted as soon as the estimate is made. We only receive a yes or no: over 18 or not." }),
        el("p", { text: "If Tallyface can't confirm that you are over 18, you can't create an account." }),
        widget,
        el("h2", { text: "3. Confirm your email" }),
        el("p", { text: "Next, we'll send a six-digit code to your email address. You can't join a room or message anyone until you've entered it." }),
        el("label", { "class": "check" }, [el("input", { type: "checkbox", name: "terms", required: "" }), " I agree to the ", el("a", { href: "/terms", "data-nav": "", text: "Terms of Service" }), " and have read the ", el("a", { href: "/privacy", "data-nav": "", text: "Privacy Policy" }), "."]),
        el("button", { type: "submit", text: "Continue" })
      ])
    ]));
    if (partner) {
      var s = document.createElement("script");
      s.src = partner + "/sdk.js";
      s.onload = function () { if (window.Tallyface) window.Tallyface.mount("#tallyface-widget", { client: "hearthside", minimumAge: 18 }); };
      document.head.appendChild(s);
    }
    return Promise.resolve();
  }

  function render() {
    closeMenu(); closeDialog();
    var path = location.pathname.replace(/\/+$/, "") || "/";
    var m, job;
    view.innerHTML = '<p class="loading">Loading…</p>';
    if (path === "/") job = homeView();
    else if (path === "/rooms") job = roomsView();
    else if ((m = path.match(/^\/rooms\/([\w-]+)$/))) job = roomView(m[1]);
    else if ((m = path.match(/^\/members\/([\w-]+)$/))) job = memberView(m[1]);
    else if (path === "/login") job = loginView();
    else if (path === "/signup") job = signupView();
    else if ((m = path.match(/^\/safety\/([\w-]+)$/))) job = pageView("safety-" + m[1]);
    else if ((m = path.match(/^\/([\w-]+)$/))) job = pageView(m[1]);
    else job = Promise.reject(new Error("no route"));
    job.then(function () {
      var q = new URLSearchParams(location.search).get("m");
      var target = (q && document.getElementById(q)) || (location.hash && document.getElementById(location.hash.slice(1)));
      if (target) { target.classList.add("highlight"); target.scrollIntoView(); }
    }).catch(function () {
      setTitle("Not found");
      view.innerHTML = "";
      view.appendChild(el("section", { "class": "page" }, [el("h1", { text: "We couldn't find that page" }), el("p", {}, [el("a", { href: "/", "data-nav": "", text: "Back to Hearthside" })])]));
    });
  }

  // client-side navigation for every same-origin link
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname === location.pathname && url.hash) return;
    e.preventDefault();
    go(url.pathname + url.search + url.hash);
  });
  window.addEventListener("popstate", render);

  consent();
  render();
})();
