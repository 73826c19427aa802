/* LanternRow front end: one page, routes drawn from the address with the History API. */
(function () {
  "use strict";
  var app = document.getElementById("app");
  var cityCache = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function getJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.json();
    });
  }
  function cities() {
    if (cityCache) { return Promise.resolve(cityCache); }
    return getJSON("/api/cities.json").then(function (c) { cityCache = c; return c; });
  }

  function header() {
    return '<header class="top"><a class="logo" href="/board">LanternRow</a>' +
      '<nav><a href="/board">Board</a><a href="/search">Search</a><a href="/rules">Rules</a><a href="/faq">FAQ</a></nav>' +
      '<form action="/search" method="get" data-search><input name="q" placeholder="Search a number or name" size="22"> <button>Go</button></form>' +
      '<nav><a href="/login">Log in</a><a href="/register">Register</a></nav></header>';
  }
  function footer() {
    return '<footer>LanternRow &copy; 2019&ndash;2026 &middot; adults only &middot; ' +
      '<a href="/rules">Rules &amp; Terms</a><a href="/faq">FAQ</a><a href="/register">Join</a></footer>';
  }
  function page(inner) {
    app.innerHTML = header() + '<div class="wrap">' + inner + '</div>' + footer();
    window.scrollTo(0, 0);
  }

  function viewSplash() {
    document.title = "LanternRow - adults only";
    app.innerHTML = '<div class="splash"><h1>LanternRow</h1>' +
      '<p>The UK\'s longest-running punter review board: field reports, parlour chat and provider threads for every big city.</p>' +
      '<p><b>Adults only.</b> This board contains frank discussion of paid adult services. If you are under 18, or this offends you, leave now.</p>' +
      '<a class="enter" href="/board">I\'m 18 or over &ndash; enter</a>' +
      '<p style="margin-top:22px;font-size:12px;color:#888">Read-only for guests. <a href="/rules">Rules</a> &middot; <a href="/faq">FAQ</a></p></div>';
  }

  function viewBoard() {
    document.title = "LanternRow - board index";
    return cities().then(function (cs) {
      return Promise.all(cs.map(function (c) { return getJSON("/api/city/" + c.slug + ".json").catch(function () { return []; }); }))
        .then(function (lists) {
          var latest = [].concat.apply([], lists).slice(0, 6);
          var rows = cs.map(function (c) {
            return '<tr><td><a href="/city/' + esc(c.slug) + '"><b>' + esc(c.name) + '</b></a><br><small>' + esc(c.blurb) + '</small></td><td>' + c.threads + ' threads</td></tr>';
          }).join("");
          var lat = latest.map(function (t) {
            return '<li><a href="/t/' + esc(t.id) + '">' + esc(t.title) + '</a> <small>by ' + esc(t.started_by) + ', ' + t.posts.length + ' posts</small></li>';
          }).join("");
          page('<div class="sticky"><b>Read before posting:</b> FRs go in the provider\'s thread, search her number first. <a href="/rules">Board rules</a></div>' +
            '<h2>Cities</h2><table class="forums"><tr><th>Forum</th><th>Threads</th></tr>' + rows + '</table>' +
            '<h2>Latest field reports</h2><ul>' + lat + '</ul>' +
            '<div class="ad">Sponsored: <b>Discreet Hotels UK</b> &ndash; day rooms by the hour, no questions asked.</div>');
        });
    });
  }

  function viewCity(slug) {
    return Promise.all([cities(), getJSON("/api/city/" + encodeURIComponent(slug) + ".json")]).then(function (r) {
      var city = r[0].filter(function (c) { return c.slug === slug; })[0] || {name: slug};
      document.title = city.name + " - LanternRow";
      var rows = r[1].map(function (t) {
        var tag = t.kind === "provider" ? '<small>[FR]</small> ' : '';
        return '<tr><td>' + tag + '<a href="/t/' + esc(t.id) + '">' + esc(t.title) + '</a><br><small>started by ' + esc(t.started_by) + '</small></td><td>' + t.posts.length + ' replies</td><td>' + t.views + ' views</td></tr>';
      }).join("");
      page('<div class="crumbs"><a href="/board">Board</a> &rsaquo; ' + esc(city.name) + '</div><h1>' + esc(city.name) + '</h1>' +
        '<p><a href="/login">+ New thread</a></p><table class="forums"><tr><th>Thread</th><th>Replies</th><th>Views</th></tr>' + rows + '</table>');
    });
  }

  var FLAG_SVG = '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><circle cx="6" cy="6" r="5.5" fill="none" stroke="currentColor"/><rect x="5.2" y="2.5" width="1.6" height="4.5" fill="currentColor"/><rect x="5.2" y="8" width="1.6" height="1.6" fill="currentColor"/></svg>';

  function viewThread(id) {
    return getJSON("/api/thread/" + encodeURIComponent(id) + ".json").then(function (t) {
      document.title = t.title + " - LanternRow";
      var head = t.kind === "provider" ?
        '<div class="sticky">Provider: <b>' + esc(t.provider) + '</b> &middot; number from her ad: ' + esc(t.phone) + ' &middot; <a href="/city/' + esc(t.city) + '">more in this city</a></div>' : '';
      var posts = t.posts.map(function (p) {
        return '<div class="post" id="p' + p.no + '"><div class="who"><b>' + esc(p.author) + '</b>' + esc(p.rank) + '</div>' +
          '<div class="body"><div class="meta"><span>#' + p.no + '</span><span>' + esc(p.date) + '</span>' +
          '<button type="button" class="flag" title="Report this post" data-thread="' + esc(t.id) + '" data-post="' + p.no + '">' + FLAG_SVG + '</button></div>' +
          '<div class="text">' + esc(p.body) + '</div>' +
          '<div class="tools"><a href="/login?next=/t/' + esc(t.id) + '">Quote</a><a href="/login?next=/t/' + esc(t.id) + '">PM ' + esc(p.author) + '</a></div></div></div>';
      }).join("");
      page('<div class="crumbs"><a href="/board">Board</a> &rsaquo; <a href="/city/' + esc(t.city) + '">' + esc(t.city) + '</a></div>' +
        '<h1>' + esc(t.title) + '</h1>' + head + posts +
        '<p><a href="/login?next=/t/' + esc(t.id) + '">Log in to reply</a></p>');
      app.querySelectorAll("button.flag").forEach(function (b) {
        b.addEventListener("click", function () { openReport(t, b.getAttribute("data-post")); });
      });
    });
  }

  function openReport(t, no) {
    var bg = document.createElement("div");
    bg.className = "modal-bg";
    bg.innerHTML = '<div class="modal" role="dialog" aria-modal="true" aria-labelledby="rep-h">' +
      '<h3 id="rep-h">Report post #' + esc(no) + '</h3><p><small>' + esc(t.title) + '</small></p>' +
      '<form action="/report" method="post">' +
      '<input type="hidden" name="thread" value="' + esc(t.id) + '"><input type="hidden" name="post" value="' + esc(no) + '">' +
      '<label>What\'s wrong? <select name="reason" required><option value="">choose&hellip;</option>' +
      '<option>Spam or advertising</option><option>Wrong city / wrong thread</option><option>Doxxing (real name, address)</option>' +
      '<option>Picture posted without consent</option><option>Flaming or abuse</option><option>Other</option></select></label>' +
      '<label>Tell the mods more <textarea name="details" rows="3"></textarea></label>' +
      '<label>Your e-mail (optional) <input type="email" name="email"></label>' +
      '<p><button type="submit">Send to mods</button> <button type="button" data-close>Cancel</button></p></form></div>';
    document.body.appendChild(bg);
    bg.querySelector("[data-close]").addEventListener("click", function () { bg.remove(); });
  }

  function viewText(slug) {
    return getJSON("/api/page/" + slug + ".json").then(function (pg) {
      document.title = pg.title + " - LanternRow";
      var body = pg.sections.map(function (s) {
        return '<h3>' + esc(s.h) + '</h3>' + s.p.map(function (x) { return '<p>' + esc(x) + '</p>'; }).join("");
      }).join("");
      page('<h1>' + esc(pg.title) + '</h1>' + body);
    });
  }

  function viewRegister() {
    document.title = "Register - LanternRow";
    page('<h1>Join LanternRow</h1><p>Free, takes ten seconds. Your e-mail is never checked.</p>' +
      '<form class="reg" action="/register" method="post">' +
      '<label for="u">Username</label><input id="u" name="username" required>' +
      '<label for="e">E-mail (never checked, only for password resets)</label><input id="e" name="email" type="email">' +
      '<label for="pw">Password</label><input id="pw" name="password" type="password" required>' +
      '<label><input type="checkbox" name="rules" required> I have read the <a href="/rules">rules</a></label>' +
      '<p><button type="submit">Create account</button></p></form>');
    return Promise.resolve();
  }

  function viewLogin() {
    document.title = "Log in - LanternRow";
    page('<h1>Log in</h1><form class="reg" action="/login" method="post">' +
      '<label for="lu">Username</label><input id="lu" name="username">' +
      '<label for="lp">Password</label><input id="lp" name="password" type="password">' +
      '<p><button type="submit">Log in</button></p></form><p>No account? <a href="/register">Register</a></p>');
    return Promise.resolve();
  }

  function viewSearch() {
    var q = new URLSearchParams(location.search).get("q") || "";
    document.title = "Search - LanternRow";
    return cities().then(function (cs) {
      return Promise.all(cs.map(function (c) { return getJSON("/api/city/" + c.slug + ".json").catch(function () { return []; }); }));
    }).then(function (lists) {
      var all = [].concat.apply([], lists);
      var needle = q.replace(/\s+/g, "").toLowerCase();
      var hits = needle ? all.filter(function (t) {
        return (t.title + (t.phone || "")).replace(/\s+/g, "").toLowerCase().indexOf(needle) >= 0;
      }) : [];
      page('<h1>Search</h1><form action="/search" method="get" data-search><input name="q" value="' + esc(q) + '" placeholder="07700 900000 or a name"> <button>Search</button></form>' +
        '<ul>' + hits.map(function (t) { return '<li><a href="/t/' + esc(t.id) + '">' + esc(t.title) + '</a></li>'; }).join("") + '</ul>' +
        (needle && !hits.length ? '<p>Nothing found. Start a thread for her in the right city.</p>' : ''));
    });
  }

  function route() {
    var path = location.pathname.replace(/\/+$/, "") || "/";
    var m;
    if (path === "/") { viewSplash(); return Promise.resolve(); }
    if (path === "/board") { return viewBoard(); }
    if ((m = path.match(/^\/city\/([\w-]+)$/))) { return viewCity(m[1]); }
    if ((m = path.match(/^\/t\/(\d+)$/))) { return viewThread(m[1]); }
    if (path === "/rules") { return viewText("rules"); }
    if (path === "/faq") { return viewText("faq"); }
    if (path === "/register") { return viewRegister(); }
    if (path === "/login") { return viewLogin(); }
    if (path === "/search") { return viewSearch(); }
    return Promise.reject(new Error("not found"));
  }
  function render() {
    route().catch(function () {
      document.title = "Not found - LanternRow";
      page('<h1>Not found</h1><p>That thread or page does not exist (any more). <a href="/board">Back to the board</a></p>');
    });
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest("a");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey) { return; }
    var href = a.getAttribute("href");
    if (!href || href.charAt(0) !== "/" || href.indexOf("//") === 0) { return; }
    ev.preventDefault();
    history.pushState({}, "", href);
    render();
  });
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (!f.hasAttribute("data-search")) { return; }
    ev.preventDefault();
    history.pushState({}, "", "/search?q=" + encodeURIComponent(f.q.value));
    render();
  });
  window.addEventListener("popstate", render);
  setTimeout(render, 350);
})();
