/* Sparkmatch web app. Client-side routing, one shell for every path. */
(function () {
  "use strict";
  var HELP = (window.SM_CONFIG && window.SM_CONFIG.helpUrl) || "";
  var root = document.getElementById("root");
  var profilesCache = null;

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "onclick") el.addEventListener("click", attrs[k]);
      else if (k === "text") el.textContent = attrs[k];
      else if (k === "html") el.innerHTML = attrs[k];
      else el.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c == null) return;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return el;
  }

  function go(path) {
    history.pushState({}, "", path);
    render();
    window.scrollTo(0, 0);
  }

  function link(path, text, cls) {
    return h("a", {href: path, class: cls || "", onclick: function (e) { e.preventDefault(); go(path); }}, [text]);
  }

  function getProfiles() {
    if (profilesCache) return Promise.resolve(profilesCache);
    return fetch("/api/profiles.json").then(function (r) { return r.json(); }).then(function (d) {
      profilesCache = d; return d;
    });
  }

  /* ---------- chrome ---------- */
  function header() {
    return h("header", {class: "topbar"}, [
      link("/", "sparkmatch", "logo"),
      h("nav", {class: "topnav"}, [
        h("button", {class: "navbtn", type: "button", onclick: function () { go("/discover"); }}, ["Discover"]),
        link("/how-it-works", "How it works"),
        link("/premium", "Spark+"),
        h("button", {class: "navbtn", type: "button", onclick: function () { location.href = "/messages"; }}, ["Messages"]),
        link("/login", "Log in", "ghost"),
        link("/signup", "Join free", "cta")
      ])
    ]);
  }

  function footer() {
    return h("footer", {class: "foot"}, [
      h("div", {class: "cols"}, [
        h("div", {}, [h("strong", {}, ["Sparkmatch"]), link("/about", "About us"), link("/stories", "Success stories"), link("/careers", "Careers")]),
        h("div", {}, [h("strong", {}, ["Help"]),
          h("a", {href: HELP + "/"}, ["Help Centre"]),
          h("a", {href: HELP + "/safety/"}, ["Safety tips"]),
          h("a", {href: HELP + "/contact/"}, ["Contact us"])]),
        h("div", {}, [h("strong", {}, ["Legal"]),
          link("/terms", "Terms of Use"),
          h("a", {href: HELP + "/privacy/"}, ["Privacy Policy"]),
          link("/cookies", "Cookies")])
      ]),
      h("p", {class: "small"}, ["© 2026 Sparkmatch Ltd. Made with ♥ in Bristol."])
    ]);
  }

  /* ---------- age modal ---------- */
  function ageModal() {
    if (localStorage.getItem("sm_adult") === "yes") return null;
    var box = h("div", {class: "modal-backdrop", id: "age-modal"}, [
      h("div", {class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": "age-title"}, [
        h("h2", {id: "age-title"}, ["Are you 18?"]),
        h("p", {}, ["Sparkmatch is for adults only. Please confirm you're 18 or older to continue."]),
        h("div", {class: "row"}, [
          h("button", {type: "button", class: "cta", onclick: function () {
            localStorage.setItem("sm_adult", "yes");
            box.remove();
            document.body.classList.remove("locked");
          }}, ["Yes"]),
          h("button", {type: "button", class: "ghost", onclick: function () {
            box.querySelector(".modal").innerHTML = "<h2>Sorry!</h2><p>You have to be 18 or older to use Sparkmatch. Come back when you're older.</p>";
          }}, ["No"])
        ])
      ])
    ]);
    document.body.classList.add("locked");
    return box;
  }

  /* ---------- bottom sheet (More) ---------- */
  function closeSheet() {
    var s = document.getElementById("sheet");
    if (s) s.remove();
  }

  function openSheet(p) {
    closeSheet();
    var sheet = h("div", {class: "sheet-backdrop", id: "sheet", onclick: function (e) { if (e.target === sheet) closeSheet(); }}, [
      h("div", {class: "sheet", role: "menu"}, [
        h("div", {class: "grip"}),
        h("button", {type: "button", role: "menuitem", class: "sheet-item", onclick: function () { openBlock(p); }}, ["Block " + p.name]),
        h("button", {type: "button", role: "menuitem", class: "sheet-item danger", onclick: function () { openReport(p); }}, ["Report " + p.name]),
        h("button", {type: "button", role: "menuitem", class: "sheet-item", onclick: function () {
          if (navigator.clipboard) navigator.clipboard.writeText(location.href);
          closeSheet();
        }}, ["Copy profile link"]),
        h("button", {type: "button", class: "sheet-item muted", onclick: closeSheet}, ["Cancel"])
      ])
    ]);
    document.body.appendChild(sheet);
  }

  function openBlock(p) {
    var s = document.querySelector("#sheet .sheet");
    s.innerHTML = "";
    s.appendChild(h("h3", {}, ["Block " + p.name + "?"]));
    s.appendChild(h("p", {}, ["They won't be able to see your profile or message you, and you won't see them in Discover. They won't be told."]));
    s.appendChild(h("p", {}, ["You need to be logged in to block someone."]));
    s.appendChild(h("a", {class: "cta", href: "/login?next=" + encodeURIComponent(location.pathname)}, ["Log in to block"]));
    s.appendChild(h("button", {type: "button", class: "ghost", onclick: closeSheet}, ["Cancel"]));
  }

  function openReport(p) {
    var s = document.querySelector("#sheet .sheet");
    s.innerHTML = "";
    var reasons = ["Fake profile or scam", "Inappropriate photos", "Harassment or hateful messages", "Spam or advertising"];
    var form = h("form", {method: "post", action: "/api/reports", class: "report-form"}, [
      h("h3", {}, ["Report " + p.name]),
      h("p", {}, ["Why are you reporting this profile?"]),
      h("input", {type: "hidden", name: "profile_id", value: p.id})
    ]);
    reasons.forEach(function (r, i) {
      form.appendChild(h("label", {class: "radio"}, [h("input", {type: "radio", name: "reason", value: "r" + i, required: "required"}), " " + r]));
    });
    form.appendChild(h("label", {for: "rep-details"}, ["Tell us more (optional)"]));
    form.appendChild(h("textarea", {id: "rep-details", name: "details", rows: "3"}));
    form.appendChild(h("label", {for: "rep-email"}, ["Your e-mail (optional, if you'd like us to follow up)"]));
    form.appendChild(h("input", {id: "rep-email", type: "email", name: "email"}));
    form.appendChild(h("button", {type: "submit", class: "cta"}, ["Send report"]));
    form.appendChild(h("button", {type: "button", class: "ghost", onclick: closeSheet}, ["Cancel"]));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      fetch("/api/reports", {method: "POST", body: new FormData(form)}).then(function () {
        s.innerHTML = "<h3>Thanks for letting us know</h3><p>Our team will take a look.</p>";
      });
    });
    s.appendChild(form);
  }

  /* ---------- views ---------- */
  function card(p, asLink) {
    var inner = [
      h("div", {class: "avatar", "aria-hidden": "true"}, [p.name.charAt(0)]),
      h("div", {class: "meta"}, [h("strong", {}, [p.name + ", " + p.age]), h("span", {}, [p.city])])
    ];
    if (asLink) return h("a", {class: "card", href: "/u/" + p.id, onclick: function (e) { e.preventDefault(); go("/u/" + p.id); }}, inner);
    return h("div", {class: "card", role: "button", tabindex: "0", onclick: function () { go("/u/" + p.id); }}, inner);
  }

  function viewHome(main) {
    main.appendChild(h("section", {class: "hero"}, [
      h("h1", {}, ["Real people. Real sparks."]),
      h("p", {}, ["Sparkmatch helps you meet single people near you who actually want to meet. No endless swiping — just good conversations."]),
      h("button", {type: "button", class: "cta big", onclick: function () { go("/signup"); }}, ["Get started — it's free"])
    ]));
    var grid = h("div", {class: "grid"});
    main.appendChild(h("h2", {}, ["New this week"]));
    main.appendChild(grid);
    getProfiles().then(function (ps) { ps.slice(0, 6).forEach(function (p) { grid.appendChild(card(p, true)); }); });
  }

  function viewDiscover(main) {
    main.appendChild(h("h1", {}, ["Discover"]));
    main.appendChild(h("p", {class: "muted"}, ["People near you who were active recently."]));
    var grid = h("div", {class: "grid"});
    main.appendChild(grid);
    getProfiles().then(function (ps) { ps.forEach(function (p) { grid.appendChild(card(p, false)); }); });
  }

  function viewProfile(main, id) {
    fetch("/api/profiles/" + encodeURIComponent(id) + ".json").then(function (r) {
      if (!r.ok) throw new Error("gone");
      return r.json();
    }).then(function (p) {
      document.title = p.name + ", " + p.age + " – Sparkmatch";
      main.appendChild(h("article", {class: "profile"}, [
        h("div", {class: "profile-head"}, [
          h("div", {class: "avatar xl", "aria-hidden": "true"}, [p.name.charAt(0)]),
          h("div", {}, [h("h1", {}, [p.name + ", " + p.age]), h("p", {}, [p.city + " · " + p.active])]),
          h("button", {type: "button", class: "more", "aria-haspopup": "menu", onclick: function () { openSheet(p); }}, ["More"])
        ]),
        h("p", {class: "bio"}, [p.bio]),
        h("ul", {class: "tags"}, p.interests.map(function (t) { return h("li", {}, [t]); })),
        h("div", {class: "actions"}, [
          h("a", {class: "cta", href: "/u/" + p.id + "/chat"}, ["Send a message"]),
          h("button", {type: "button", class: "ghost", onclick: function () { location.href = "/u/" + p.id + "/like"; }}, ["♥ Like"])
        ])
      ]));
    }).catch(function () {
      main.appendChild(h("h1", {}, ["This profile isn't available"]));
      main.appendChild(h("p", {}, ["The person may have deleted their account or paused their profile."]));
    });
  }

  function field(label, attrs) {
    var id = "f-" + attrs.name;
    attrs.id = id;
    return h("div", {class: "field"}, [h("label", {for: id}, [label]), h("input", attrs)]);
  }

  function viewSignup(main) {
    var months = ["Month", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    var monthSel = h("select", {name: "birth_month", id: "f-birth_month", "aria-label": "Birth month"});
    months.forEach(function (m, i) { monthSel.appendChild(h("option", {value: i ? String(i) : ""}, [m])); });
    var form = h("form", {method: "post", action: "/api/signup", class: "signup"}, [
      h("h1", {}, ["Create your account"]),
      h("fieldset", {}, [
        h("legend", {}, ["1. Your login"]),
        field("E-mail", {type: "email", name: "email", required: "required", autocomplete: "email"}),
        field("Password", {type: "password", name: "password", required: "required", minlength: "8", autocomplete: "new-password"}),
        h("p", {class: "hint"}, ["At least 8 characters."])
      ]),
      h("fieldset", {}, [
        h("legend", {}, ["2. About you"]),
        field("First name", {type: "text", name: "first_name", required: "required"}),
        h("div", {class: "field"}, [
          h("span", {class: "label"}, ["Birthday"]),
          h("div", {class: "row"}, [
            h("input", {type: "number", name: "birth_day", placeholder: "Day", min: "1", max: "31", "aria-label": "Birth day"}),
            monthSel,
            h("input", {type: "number", name: "birth_year", placeholder: "Year", min: "1920", max: "2008", "aria-label": "Birth year"})
          ]),
          h("p", {class: "hint"}, ["We only show your age, never your birthday."])
        ]),
        h("div", {class: "field"}, [h("span", {class: "label"}, ["I am a"]),
          h("label", {}, [h("input", {type: "radio", name: "gender", value: "woman"}), " Woman"]),
          h("label", {}, [h("input", {type: "radio", name: "gender", value: "man"}), " Man"]),
          h("label", {}, [h("input", {type: "radio", name: "gender", value: "nonbinary"}), " Non-binary"])])
      ]),
      h("label", {class: "check"}, [h("input", {type: "checkbox", name: "terms", required: "required"}), " I agree to the ",
        link("/terms", "Terms of Use"), " and have read the ", h("a", {href: HELP + "/privacy/"}, ["Privacy Policy"]), "."]),
      h("button", {type: "submit", class: "cta big"}, ["Create account"]),
      h("p", {class: "hint"}, ["Confirm your e-mail: we'll send a link to your inbox, and you need to click it before you can start matching."]),
      h("p", {}, ["Already a member? ", link("/login", "Log in")])
    ]);
    main.appendChild(form);
  }

  function viewLogin(main) {
    main.appendChild(h("form", {method: "post", action: "/api/login", class: "signup"}, [
      h("h1", {}, ["Welcome back"]),
      field("E-mail", {type: "email", name: "email", required: "required"}),
      field("Password", {type: "password", name: "password", required: "required"}),
      h("button", {type: "submit", class: "cta"}, ["Log in"]),
      h("p", {}, [h("a", {href: HELP + "/account/"}, ["Forgot your password?"])]),
      h("p", {}, ["New here? ", link("/signup", "Create an account")])
    ]));
  }

  function textView(main, title, paras) {
    main.appendChild(h("h1", {}, [title]));
    paras.forEach(function (p) {
      if (p.charAt(0) === "#") main.appendChild(h("h2", {}, [p.slice(1)]));
      else main.appendChild(h("p", {}, [p]));
    });
  }

  var TEXT = {
    "/terms": ["Terms of Use", [
      "Last updated: 3 March 2026. These terms are an agreement between you and Sparkmatch Ltd, Bristol.",
      "#1. Your account",
      "You are responsible for your account and for keeping your password safe. Give us accurate information when you sign up and keep it up to date.",
      "You may not impersonate any person, or create a profile with someone else's photos or details.",
      "#2. What you can't do on Sparkmatch",
      "Sparkmatch is for finding dates, not for business. You may not use the service for commercial solicitation of any kind: advertising, selling products or services, or asking other members for money.",
      "Prostitution and escort services are not allowed, and neither is offering or asking for anything sexual in return for money or gifts.",
      "Don't harass, threaten or bully other members, and don't post nudity, hateful content or anything that breaks the law.",
      "#3. What happens if you break these terms",
      "We may remove content, suspend your account or terminate it, without notice and without a refund of any subscription.",
      "#4. Subscriptions",
      "Spark+ renews every month until you cancel it in your account settings. You can cancel at any time; the current month is not refunded.",
      "#5. Liability",
      "We don't run background checks on members. You are responsible for your own interactions with other members, online and offline.",
      "#6. Law",
      "These terms are governed by the laws of England and Wales."
    ]],
    "/about": ["About Sparkmatch", [
      "We started Sparkmatch in 2021 because we were tired of apps that are built to keep you swiping.",
      "Today more than 400,000 people across the UK use Sparkmatch to meet someone new. We're a team of 23 in Bristol."
    ]],
    "/how-it-works": ["How it works", [
      "#Create your profile", "Sign up with your e-mail, add a few photos and tell people what you're into.",
      "#Discover", "Browse people near you. Like someone? Tap the heart. If they like you back, it's a match.",
      "#Chat", "Once you've matched, you can message each other. Take your time, and meet in public when you're ready."
    ]],
    "/premium": ["Spark+", [
      "See who liked you, get unlimited likes and a weekly boost for £9.99 a month.",
      "Cancel whenever you like in your account settings."
    ]],
    "/stories": ["Success stories", [
      "“We matched on a Tuesday and had our first date at the lido on Saturday. Two years later we got a dog.” — Jess & Ravi, Bristol",
      "“I'd given up on apps. Then Marcus sent me a message about my terrible taste in films.” — Claire, Leeds"
    ]],
    "/careers": ["Careers", ["We're hiring a senior Android developer and a community support lead. Write to jobs@sparkmatch.example."]],
    "/cookies": ["Cookies", [
      "We use cookies and local storage to keep you logged in, remember your choices and understand how the app is used.",
      "Analytics cookies are kept for 13 months. You can clear them in your browser at any time."
    ]]
  };

  function render() {
    var path = location.pathname.replace(/\/+$/, "") || "/";
    root.innerHTML = "";
    closeSheet();
    root.appendChild(header());
    var main = h("main", {class: "main"});
    root.appendChild(main);
    var m = path.match(/^\/u\/([a-z0-9]+)$/);
    if (path === "/") viewHome(main);
    else if (path === "/discover") viewDiscover(main);
    else if (m) viewProfile(main, m[1]);
    else if (path === "/signup") viewSignup(main);
    else if (path === "/login") viewLogin(main);
    else if (TEXT[path]) textView(main, TEXT[path][0], TEXT[path][1]);
    else textView(main, "Page not found", ["We couldn't find that page."]);
    if (!TEXT[path] || path === "/about") document.title = document.title || "Sparkmatch";
    root.appendChild(footer());
    var modal = ageModal();
    if (modal) root.appendChild(modal);
  }

  window.addEventListener("popstate", render);
  render();
})();
