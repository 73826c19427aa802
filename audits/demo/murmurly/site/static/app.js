/* Murmurly single-page app: client-side routing over /api/*.json. */
(function () {
  "use strict";
  var root = document.getElementById("root");
  var mode = document.body.getAttribute("data-mode");
  var cache = {};
  function get(url) {
    if (!cache[url]) cache[url] = fetch(url, { credentials: "same-origin" }).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    return cache[url];
  }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; }); }
  function av(u) { return '<span class="av" style="background:' + esc(u.colour) + '" aria-hidden="true">' + esc(u.display.charAt(0)) + '</span>'; }

  document.getElementById("bar").innerHTML =
    '<header class="bar"><div class="in"><a class="brand" href="/"><img src="/favicon.svg" alt="" width="28" height="28">Murmurly</a>' +
    '<nav aria-label="Main"><a href="/">Home</a><a href="/rooms">Rooms</a><a href="/safety" data-full>Safety Center</a><a href="/help" data-full>Help</a></nav>' +
    '<div class="right"><a class="btn ghost" href="/login">Log in</a><a class="btn" href="/signup">Sign up</a></div></div></header>';
  document.getElementById("foot").innerHTML =
    '<footer class="foot"><div class="in"><span>© 2025 Murmurly B.V. · 18+ only</span>' +
    '<a href="/legal/terms" data-full>Terms of Service</a><a href="/legal/community-guidelines" data-full>Community Guidelines</a>' +
    '<a href="/legal/privacy" data-full>Privacy Policy</a><a href="/safety" data-full>Safety Center</a><a href="/help" data-full>Help</a>' +
    '<a href="/help/reporting" data-full>Reporting</a><a href="/law-enforcement" data-full>Law enforcement</a></div></footer>';

  function postCard(p, users, full) {
    var u = users[p.author];
    return '<article class="card post"><div class="who">' + av(u) + '<a href="/u/' + esc(u.handle) + '">' + esc(u.display) + '</a> @' + esc(u.handle) +
      ' · in <a href="/rooms/' + esc(p.room) + '">' + esc(p.room) + '</a> · ' + esc(p.time) + '</div>' +
      (full ? '<p class="text">' + esc(p.text) + '</p>' : '<a class="open" href="/post/' + p.id + '"><p class="text">' + esc(p.text) + '</p></a>') +
      '<div class="stats">' + p.replies + ' replies · ' + p.likes + ' likes' + (full ? '' : ' · <a href="/post/' + p.id + '">Open post</a>') + '</div>' +
      (full ? '<mm-actions kind="post" target="' + p.id + '" author="' + esc(p.author) + '"></mm-actions>' : '') + '</article>';
  }
  function byHandle(list) { var m = {}; list.forEach(function (u) { m[u.handle] = u; }); return m; }
  function side(rooms) {
    return '<aside><div class="card rooms"><strong>Rooms</strong>' + rooms.map(function (r) { return '<a href="/rooms/' + esc(r.slug) + '">' + esc(r.name) + '</a>'; }).join("") +
      '</div><div class="card"><strong>New here?</strong><p class="muted">Reading is free. To post or chat, create an account and verify your age with VerifyMe ID.</p><a class="btn" href="/signup">Sign up</a></div></aside>';
  }

  var routes = [
    [/^\/$/, function () {
      return Promise.all([get("/api/posts.json"), get("/api/users.json"), get("/api/rooms.json")]).then(function (d) {
        var users = byHandle(d[1]);
        document.title = "Home · Murmurly";
        return '<div class="layout"><main><h1>Latest</h1>' + d[0].slice(0, 24).map(function (p) { return postCard(p, users); }).join("") + '</main>' + side(d[2]) + '</div>';
      });
    }],
    [/^\/rooms$/, function () {
      return get("/api/rooms.json").then(function (rooms) {
        document.title = "Rooms · Murmurly";
        return '<div class="layout"><main><h1>Rooms</h1>' + rooms.map(function (r) {
          return '<div class="card"><h2><a href="/rooms/' + esc(r.slug) + '">' + esc(r.name) + '</a></h2><p>' + esc(r.about) + '</p></div>'; }).join("") + '</main>' + side(rooms) + '</div>';
      });
    }],
    [/^\/rooms\/([^/]+)$/, function (m) {
      return Promise.all([get("/api/posts.json"), get("/api/users.json"), get("/api/rooms.json")]).then(function (d) {
        var room = d[2].filter(function (r) { return r.slug === m[1]; })[0], users = byHandle(d[1]);
        document.title = room.name + " · Murmurly";
        return '<div class="layout"><main><h1>' + esc(room.name) + '</h1><p class="muted">' + esc(room.about) + '</p>' +
          d[0].filter(function (p) { return p.room === room.slug; }).map(function (p) { return postCard(p, users); }).join("") + '</main>' + side(d[2]) + '</div>';
      });
    }],
    [/^\/post\/(\d+)$/, function (m) {
      return Promise.all([get("/api/post/" + m[1] + ".json"), get("/api/users.json"), get("/api/rooms.json")]).then(function (d) {
        var users = byHandle(d[1]);
        document.title = "Post by @" + d[0].author + " · Murmurly";
        return '<div class="layout"><main>' + postCard(d[0], users, true) +
          '<div class="card muted">' + d[0].replies + ' replies. <a href="/login">Log in</a> to read and reply.</div></main>' + side(d[2]) + '</div>';
      });
    }],
    [/^\/u\/([^/]+)$/, function (m) {
      return Promise.all([get("/api/users.json"), get("/api/posts.json"), get("/api/rooms.json")]).then(function (d) {
        var users = byHandle(d[0]), u = users[m[1]];
        document.title = u.display + " (@" + u.handle + ") · Murmurly";
        return '<div class="layout"><main><div class="card"><div class="who">' + av(u) + '<h1 style="margin:0">' + esc(u.display) + '</h1></div>' +
          '<p class="muted">@' + esc(u.handle) + ' · joined ' + esc(u.joined) + ' · ' + u.posts + ' posts · ✓ age-verified</p><p>' + esc(u.bio) + '</p>' +
          '<mm-actions kind="profile" target="' + esc(u.handle) + '"></mm-actions></div><h2>Posts</h2>' +
          d[1].filter(function (p) { return p.author === u.handle; }).map(function (p) { return postCard(p, users); }).join("") + '</main>' + side(d[2]) + '</div>';
      });
    }],
    [/^\/signup$/, function () {
      document.title = "Sign up · Murmurly";
      return Promise.resolve('<article class="doc"><h1>Create your account</h1>' +
        '<p>Murmurly is 18+. Signing up takes three steps: your details, confirming your email address with a 6-digit code, and an ID check with VerifyMe ID. Until all three are done you can read, but not post, chat or message anyone.</p>' +
        '<form method="post" action="/signup"><label for="s-mail">Email</label><input id="s-mail" name="email" type="email" required>' +
        '<label for="s-user">Username</label><input id="s-user" name="username" required>' +
        '<label for="s-pass">Password</label><input id="s-pass" name="password" type="password" required minlength="10">' +
        '<label for="s-dob">Date of birth</label><input id="s-dob" name="date_of_birth" type="date" required>' +
        '<p><input type="checkbox" id="s-terms" required> <label for="s-terms" style="display:inline;font-weight:400">I agree to the <a href="/legal/terms">Terms</a> and the <a href="/legal/community-guidelines">Community Guidelines</a>, and I have read the <a href="/legal/privacy">Privacy Policy</a>.</label></p>' +
        '<p><button class="btn" type="submit">Continue</button></p></form>' +
        '<h2>Step 2: confirm your email</h2><p>We send a 6-digit code to your email address. Your account stays inactive until you enter it.</p>' +
        '<h2>Step 3: verify your age and identity</h2><p>Scan your passport, ID card or driving licence and take a live selfie (liveness check). VerifyMe ID confirms that you are the person on the document and that you are 18 or older. We are told only the result; VerifyMe ID deletes the images.</p>' +
        '<div data-verifyme-client="murmurly" data-verifyme-lang="en"></div></article>').then(function (html) {
        setTimeout(function () { var s = document.createElement("script"); s.src = "/vendor/verifyme/verifyme-sdk.js"; document.body.appendChild(s); }, 0);
        return html;
      });
    }],
    [/^\/login$/, function () {
      document.title = "Log in · Murmurly";
      return Promise.resolve('<article class="doc"><h1>Log in</h1>' + (location.search.indexOf("next=") >= 0 ? '<p>You need to log in to do that.</p>' : '') +
        '<form method="post" action="/login"><label for="l-mail">Email or username</label><input id="l-mail" name="login">' +
        '<label for="l-pass">Password</label><input id="l-pass" name="password" type="password"><p><button class="btn" type="submit">Log in</button></p></form>' +
        '<p>No account yet? <a href="/signup">Sign up</a>.</p></article>');
    }]
  ];

  function render(path) {
    for (var i = 0; i < routes.length; i++) {
      var m = path.match(routes[i][0]);
      if (m) {
        return routes[i][1](m).then(function (html) { root.innerHTML = html; window.scrollTo(0, 0); })
          .catch(function () { root.innerHTML = '<article class="doc"><h1>Not found</h1><p>This page does not exist.</p></article>'; });
      }
    }
    location.reload();
  }
  if (mode === "app") render(location.pathname);

  // client-side navigation for app routes; documents load normally
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a");
    if (!a || a.target || a.hasAttribute("data-full") || a.origin !== location.origin || e.ctrlKey || e.metaKey) return;
    var path = a.pathname;
    var app = routes.some(function (r) { return r[0].test(path); });
    if (!app || a.search) return;
    e.preventDefault();
    history.pushState({}, "", path);
    document.body.setAttribute("data-mode", "app");
    render(path);
  });
  window.addEventListener("popstate", function () { render(location.pathname); });
})();
