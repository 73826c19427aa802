/* Brightlot web app: one shell, every view drawn here from JSON. */
(function () {
  "use strict";

  var CATS = { cars: "Cars & vans", jobs: "Jobs", property: "Property to rent", services: "Services" };
  var SERVER_PATHS = ["/messages", "/account", "/sell/new", "/saved", "/static/"];
  var root = document.getElementById("root");
  var lazyObserver = null;

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function header() {
    var nav = Object.keys(CATS).map(function (k) {
      return '<a href="/c/' + k + '">' + esc(CATS[k]) + "</a>";
    }).join("");
    return '<header class="top"><a class="logo" href="/">Brightlot</a><nav>' + nav + "</nav>" +
      '<form class="search" action="/search" method="get"><input type="search" name="q" placeholder="Search Brightlot" aria-label="Search"></form>' +
      '<span class="spacer"></span><a href="/help">Help</a><a href="/login">Sign in</a>' +
      '<a class="sellbtn" href="/sell">Sell</a></header>';
  }

  function footer() {
    return '<footer class="bottom"><p><strong>Brightlot</strong>: the local marketplace for cars, jobs, rooms and services.</p>' +
      '<p><a href="/help">Help centre</a><a href="/help/staying-safe">Staying safe</a>' +
      '<a href="/help/after-you-report">Reporting a listing</a><a href="/help/law-enforcement">Law enforcement</a>' +
      '<a href="/help/contact-us">Contact us</a></p>' +
      '<p><a href="/terms">Terms of use</a><a href="/privacy">Privacy policy</a><a href="/help/prohibited-items">Prohibited items</a></p>' +
      '<p>&copy; 2026 Brightlot Ltd, Leeds. Registered in England and Wales.</p></footer>';
  }

  function frame(title, html) {
    document.title = title ? title + " | Brightlot" : "Brightlot: buy, sell, hire and rent locally";
    root.innerHTML = header() + '<main id="main">' + html + "</main>" + footer();
    window.scrollTo(0, 0);
  }

  function tile(l) {
    return '<div class="tile"><a href="/l/' + esc(l.ref) + '"><img src="/static/img/photo' + (1 + (l.id % 3)) +
      '.svg" alt="" width="320" height="210"></a><div class="t"><a href="/l/' + esc(l.ref) + '">' + esc(l.title) +
      '</a><div class="price">' + esc(l.price) + "</div><small>" + esc(l.location) + " &middot; " + esc(l.posted) +
      "</small></div></div>";
  }

  function viewHome() {
    frame("", "<p>Loading listings&hellip;</p>");
    getJSON("/api/listings").then(function (all) {
      var cats = Object.keys(CATS).map(function (k) {
        return '<a class="box" href="/c/' + k + '">' + esc(CATS[k]) + "</a> ";
      }).join("");
      frame("", "<h1>Buy, sell, hire and rent near you</h1><p>" + cats + "</p><h2>Fresh listings</h2>" +
        '<div class="grid">' + all.map(tile).join("") + "</div>");
    });
  }

  function viewCategory(cat) {
    frame(CATS[cat] || "Category", "<p>Loading&hellip;</p>");
    getJSON("/api/category/" + encodeURIComponent(cat)).then(function (list) {
      frame(CATS[cat], "<h1>" + esc(CATS[cat] || cat) + "</h1><p>" + list.length + ' listings</p><div class="grid">' +
        list.map(tile).join("") + "</div>");
    }).catch(notFound);
  }

  function viewSearch() {
    var q = (new URLSearchParams(location.search).get("q") || "").toLowerCase();
    getJSON("/api/listings").then(function (all) {
      var hits = all.filter(function (l) { return (l.title + " " + l.description).toLowerCase().indexOf(q) !== -1; });
      frame("Search", "<h1>Results for &ldquo;" + esc(q) + "&rdquo;</h1><p>" + hits.length + ' found</p><div class="grid">' +
        hits.map(tile).join("") + "</div>");
    });
  }

  function viewListing(ref) {
    frame("Listing", "<p>Loading listing&hellip;</p>");
    getJSON("/api/listings/" + encodeURIComponent(ref)).then(function (l) {
      var rows = Object.keys(l.details).map(function (k) {
        return "<tr><th>" + esc(k) + "</th><td>" + esc(l.details[k]) + "</td></tr>";
      }).join("");
      frame(l.title, '<p><a href="/">Home</a> &rsaquo; <a href="/c/' + esc(l.category) + '">' + esc(CATS[l.category]) +
        "</a></p><h1>" + esc(l.title) + '</h1><div class="price">' + esc(l.price) + "</div><p>" + esc(l.location) +
        " &middot; posted " + esc(l.posted) + " &middot; Listing #" + l.id + "</p>" +
        '<div class="gallery"><img class="main" src="/static/img/photo1.svg" alt="Photo 1 of ' + esc(l.title) + '">' +
        '<div class="thumbs"><img src="/static/img/photo2.svg" alt="Photo 2"><img src="/static/img/photo3.svg" alt="Photo 3"></div></div>' +
        '<section class="box"><h2>Description</h2><p>' + esc(l.description) + "</p><table>" + rows + "</table></section>" +
        '<div id="more" data-ref="' + esc(l.ref) + '"><div id="lazy-sentinel" style="height:40px"></div></div>');
      watchBottom(l);
    }).catch(notFound);
  }

  function watchBottom(l) {
    if (lazyObserver) lazyObserver.disconnect();
    var sentinel = document.getElementById("lazy-sentinel");
    lazyObserver = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      lazyObserver.disconnect();
      lazyObserver = null;
      renderBottom(l);
    }, { rootMargin: "0px 0px 150px 0px" });
    lazyObserver.observe(sentinel);
  }

  function renderBottom(l) {
    var s = l.seller;
    var more = document.getElementById("more");
    if (!more) return;
    more.innerHTML =
      '<section class="box seller"><h2>About the seller</h2><p><strong>' + esc(s.name) + "</strong> " +
      (s.trusted ? '<span class="badge">Trusted seller: ID checked</span> ' : "") +
      (s.phone_verified ? '<span class="badge">Phone verified</span>' : "") +
      "</p><p>On Brightlot since " + esc(s.member_since) + " &middot; " + s.active_listings + " active listing(s)</p>" +
      '<p><a class="sellbtn" href="/messages/new?listing=' + l.id + '">Message seller</a> ' +
      '<a href="/saved/add?listing=' + l.id + '">Save</a></p>' +
      '<p><small>You need to sign in with a verified mobile number to send messages.</small></p></section>' +
      '<section class="box safety"><h2>Stay safe</h2><p>Never pay a deposit or send money before you have seen the ' +
      "item, the car or the room in person. Brightlot will never ask you to pay through a link in a message.</p>" +
      "<p>If a job or room offer seems to exploit someone, tell us or call the Modern Slavery &amp; Exploitation " +
      "Helpline on 08000 121 700 (24 hours). To pass on information anonymously, call Crimestoppers on 0800 555 111. " +
      'If someone is in danger right now, call 999.</p><p><a href="/help/staying-safe">More safety advice</a></p></section>' +
      '<p><button type="button" class="reportbtn" id="report-btn">&#9873; Report listing</button></p>';
    document.getElementById("report-btn").addEventListener("click", function () { openReport(l); });
  }

  function openReport(l) {
    var reasons = [
      ["scam", "Scam or fraud"],
      ["prohibited", "Prohibited item or service"],
      ["exploitation", "Exploitation or human trafficking"],
      ["minor", "A minor (under 18) is involved"],
      ["other", "Something else"]
    ];
    var ov = document.createElement("div");
    ov.className = "overlay";
    ov.innerHTML = '<div class="sheet" role="dialog" aria-modal="true" aria-labelledby="rep-title">' +
      '<h2 id="rep-title">Report listing #' + l.id + "</h2>" +
      '<form id="report-form"><input type="hidden" name="listing_id" value="' + l.id + '">' +
      '<label>Listing address <input type="text" name="listing_url" readonly value="' + esc(location.href) + '"></label>' +
      '<fieldset><legend>What is wrong with this listing?</legend>' +
      reasons.map(function (r) {
        return '<label><input type="radio" name="reason" value="' + r[0] + '" required> ' + esc(r[1]) + "</label>";
      }).join("") + "</fieldset>" +
      '<label>Tell us more <textarea name="description" rows="4" placeholder="What did you see?"></textarea></label>' +
      '<label>Your name (optional) <input type="text" name="name"></label>' +
      '<label>Your e-mail (optional, so we can tell you the outcome) <input type="email" name="email"></label>' +
      '<label><input type="checkbox" name="good_faith" required> I believe in good faith that this report is accurate and complete.</label>' +
      '<p><small>No account needed. <a href="/help/after-you-report">What happens after you report</a></small></p>' +
      '<p><button type="submit">Send report</button> <button type="button" id="rep-cancel">Cancel</button></p></form></div>';
    document.body.appendChild(ov);
    ov.querySelector("#rep-cancel").addEventListener("click", function () { ov.remove(); });
    ov.querySelector("#report-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = Object.fromEntries(new FormData(ev.target).entries());
      fetch("/api/reports", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) })
        .then(function () {
          ov.querySelector(".sheet").innerHTML = "<h2>Thanks, we've got your report</h2><p>Reference BL-" + l.id +
            "-" + Date.now().toString(36).toUpperCase() + ". We review reports within 48 hours.</p>";
        })
        .catch(function () { alert("Sorry, the report could not be sent. Please try again."); });
    });
  }

  function viewHelp() {
    frame("Help centre", "<p>Loading&hellip;</p>");
    getJSON("/help/articles").then(function (arts) {
      var sections = {};
      arts.forEach(function (a) { (sections[a.section] = sections[a.section] || []).push(a); });
      var html = "<h1>Help centre</h1>";
      Object.keys(sections).forEach(function (s) {
        html += "<h2>" + esc(s) + "</h2><ul>" + sections[s].map(function (a) {
          var href = a.slug === "privacy" || a.slug === "terms" ? "/" + a.slug : "/help/" + a.slug;
          return '<li><a href="' + href + '">' + esc(a.title) + "</a></li>";
        }).join("") + "</ul>";
      });
      frame("Help centre", html);
    });
  }

  function viewArticle(slug) {
    frame("Help", "<p>Loading&hellip;</p>");
    getJSON("/help/articles/" + encodeURIComponent(slug)).then(function (a) {
      frame(a.title, '<p><a href="/help">Help centre</a> &rsaquo; ' + esc(a.section) + "</p><article><h1>" +
        esc(a.title) + "</h1>" + a.body + "</article>");
    }).catch(notFound);
  }

  function viewSell() {
    frame("Sell on Brightlot", "<h1>Sell on Brightlot</h1>" +
      "<p>Listing is free for private sellers. Cars, jobs, rooms and services reach buyers near you in minutes.</p>" +
      '<section class="box"><h2>Before your first listing</h2><p>We ask every seller to confirm a mobile number: ' +
      "we text you a six-digit code and you type it in. No verified number, no listing; it keeps fake sellers out.</p>" +
      "<h2>Become a Trusted seller</h2><p>Want buyers to know you are who you say you are? Add an ID check: a photo of " +
      "your passport, driving licence or ID card plus a live selfie, checked by our verification partner. It is " +
      "optional and earns the Trusted seller badge on your listings.</p></section>" +
      '<p><a class="sellbtn" href="/sell/new">Start a listing</a></p><p><a href="/help/verification">Read more about verification</a></p>');
  }

  function viewJoin() {
    frame("Create an account", "<h1>Create your Brightlot account</h1>" +
      '<form id="join-form" class="box"><label>Full name <input type="text" name="name" required></label>' +
      '<label>E-mail <input type="email" name="email" required></label>' +
      '<label>Mobile number <input type="tel" name="mobile" required></label>' +
      "<p><small>We'll text you a code to verify this number. You need a verified number to post listings or send messages.</small></p>" +
      '<label>Date of birth <input type="date" name="dob" required></label>' +
      "<p><small>You must be 18 or over to use Brightlot.</small></p>" +
      '<label>Password <input type="password" name="password" minlength="10" required></label>' +
      '<label><input type="checkbox" name="terms" required> I agree to the <a href="/terms">Terms of use</a> and have read the <a href="/privacy">Privacy policy</a></label>' +
      '<button type="submit">Create account</button></form><p>Already have an account? <a href="/login">Sign in</a></p>');
    document.getElementById("join-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = Object.fromEntries(new FormData(ev.target).entries());
      fetch("/api/accounts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
    });
  }

  function viewLogin() {
    frame("Sign in", "<h1>Sign in</h1><p>Sign in to message sellers, save listings and post your own.</p>" +
      '<form id="login-form" class="box"><label>E-mail <input type="email" name="email"></label>' +
      '<label>Password <input type="password" name="password"></label><button type="submit">Sign in</button></form>' +
      '<p>New to Brightlot? <a href="/join">Create an account</a></p>');
    document.getElementById("login-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
  }

  function notFound() {
    frame("Not found", "<h1>We couldn't find that page</h1><p>The listing may have been sold or removed. <a href=\"/\">Back to Brightlot</a></p>");
  }

  function route() {
    if (lazyObserver) { lazyObserver.disconnect(); lazyObserver = null; }
    var p = location.pathname.replace(/\/+$/, "") || "/";
    var m;
    if (p === "/") return viewHome();
    if ((m = p.match(/^\/l\/([^/]+)$/))) return viewListing(decodeURIComponent(m[1]));
    if ((m = p.match(/^\/c\/([^/]+)$/))) return viewCategory(decodeURIComponent(m[1]));
    if (p === "/help") return viewHelp();
    if ((m = p.match(/^\/help\/([^/]+)$/))) return viewArticle(decodeURIComponent(m[1]));
    if (p === "/privacy") return viewArticle("privacy");
    if (p === "/terms") return viewArticle("terms");
    if (p === "/sell") return viewSell();
    if (p === "/join") return viewJoin();
    if (p === "/login") return viewLogin();
    if (p === "/search") return viewSearch();
    return notFound();
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || a.target || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (SERVER_PATHS.some(function (s) { return url.pathname.indexOf(s) === 0; })) return;
    ev.preventDefault();
    history.pushState(null, "", url.pathname + url.search);
    route();
  });
  window.addEventListener("popstate", route);
  route();
})();
