/* Threadline front end: draws lists, topics, user cards and the flag dialog from /api JSON. */
(function () {
  "use strict";
  var FLAG_ICON = '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M3 1v14M3 2h9l-2 3 2 3H3" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>';
  var LINK_ICON = '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M6 10l4-4M5 7l-2 2a2.5 2.5 0 003.5 3.5L8 11M11 9l2-2A2.5 2.5 0 009.5 3.5L8 5" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>';
  var HEART_ICON = '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><path d="M8 14S1 9.5 1 5.5A3.5 3.5 0 018 4a3.5 3.5 0 017 1.5C15 9.5 8 14 8 14z" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>';
  var cats = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function get(url) { return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }); }
  function categories() { return cats ? Promise.resolve(cats) : get("/api/categories.json").then(function (c) { cats = c; return c; }); }
  function catName(slug) { var c = (cats || []).filter(function (x) { return x.slug === slug; })[0]; return c ? c.name : slug; }

  function topicRows(topics) {
    return '<table class="topic-list"><thead><tr><th>Topic</th><th>Category</th><th>Replies</th><th>Views</th></tr></thead><tbody>' +
      topics.map(function (t) {
        return '<tr><td><a class="title" href="/t/' + esc(t.slug) + "/" + esc(t.id) + '">' + esc(t.title) + "</a></td>" +
          '<td><a class="badge" href="/c/' + esc(t.category) + '">' + esc(catName(t.category)) + "</a></td>" +
          "<td>" + t.replies + "</td><td>" + t.views + "</td></tr>";
      }).join("") + "</tbody></table>";
  }

  function listing(title, filter) {
    var el = document.getElementById("listing") || document.getElementById("category");
    Promise.all([categories(), get("/api/latest.json")]).then(function (r) {
      var topics = r[1].filter(filter || function () { return true; });
      el.innerHTML = "<h1>" + esc(title) + "</h1>" + topicRows(topics);
    });
  }

  function categoryCards() {
    var el = document.getElementById("listing");
    categories().then(function (c) {
      el.innerHTML = "<h1>Categories</h1>" + c.map(function (x) {
        return '<section class="cat-card"><h2><a href="/c/' + esc(x.slug) + '">' + esc(x.name) + "</a></h2><p>" + esc(x.description) + "</p></section>";
      }).join("");
    });
  }

  /* ---------- user cards ---------- */
  function closeCard() { var c = document.getElementById("user-card"); if (c) c.remove(); }
  function openCard(username, anchor) {
    closeCard();
    get("/api/u/" + encodeURIComponent(username) + ".json").then(function (u) {
      var card = document.createElement("div");
      card.id = "user-card";
      card.className = "user-card";
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-label", "User card for " + u.username);
      card.innerHTML =
        '<div class="uc-head"><span class="avatar">' + esc(u.username.charAt(0).toUpperCase()) + "</span><div><strong>" + esc(u.name) +
        '</strong><br><a href="/u/' + esc(u.username) + '">@' + esc(u.username) + "</a></div>" +
        '<button type="button" class="icon-btn uc-close" aria-label="Close">×</button></div>' +
        "<p>" + esc(u.bio || "") + "</p><p class=\"muted\">Joined " + esc(u.joined) + " · trust level: " + esc(u.level) + " · " + u.posts + " posts</p>" +
        '<div class="uc-actions">' +
        '<a class="btn btn-primary" href="/u/' + esc(u.username) + '/message">Message</a>' +
        '<a class="btn" href="/login?next=/my/preferences/users">Mute</a>' +
        '<a class="btn" href="/login?next=/my/preferences/users">Ignore</a>' +
        "</div>" +
        '<p class="uc-note">Keep yourself safe in private messages: never share passwords, bank details or your home address, and don\'t move a conversation to another app because someone pushes you to. Staff will never ask for your password. If a message worries you, flag it and we\'ll look at it. <a href="/get-help">Get help</a></p>';
      document.body.appendChild(card);
      var r = anchor.getBoundingClientRect();
      card.style.top = (window.scrollY + r.bottom + 6) + "px";
      card.style.left = Math.max(8, r.left) + "px";
      card.querySelector(".uc-close").addEventListener("click", closeCard);
    });
  }

  /* ---------- flag dialog ---------- */
  var REASONS = [
    ["off_topic", "It's off-topic", "This post isn't relevant to the discussion in this topic."],
    ["inappropriate", "It's inappropriate", "It's rude, abusive or breaks our community guidelines."],
    ["spam", "It's spam", "It's an advertisement or vandalism, not useful or relevant."],
    ["illegal", "It's illegal", "It breaks the law: for example it sexualises a child, offers people for sale or exploitation, sells drugs or weapons, or shares someone's private images."],
    ["safety", "Someone's safety is at risk", "Someone could be hurt, is being threatened or exploited, or may be a child in danger."],
    ["other", "Something else", "Tell staff what's wrong in your own words."]
  ];
  function openFlag(topic, post) {
    var dlg = document.getElementById("flag-dialog");
    if (dlg) dlg.remove();
    dlg = document.createElement("dialog");
    dlg.id = "flag-dialog";
    dlg.className = "modal";
    dlg.setAttribute("aria-labelledby", "flag-title");
    var where = location.origin + "/t/" + topic.slug + "/" + topic.id + "/" + post.n;
    dlg.innerHTML =
      '<form method="post" action="/flags" class="flag-form">' +
      '<h2 id="flag-title">Thanks for helping to keep our community civil</h2>' +
      "<p>Why are you flagging post #" + post.n + " by @" + esc(post.author) + "?</p>" +
      '<fieldset><legend>Reason</legend>' +
      REASONS.map(function (r, i) {
        return '<label class="reason"><input type="radio" name="reason" value="' + r[0] + '"' + (i === 0 ? " required" : "") + "> <strong>" + esc(r[1]) + "</strong><span>" + esc(r[2]) + "</span></label>";
      }).join("") + "</fieldset>" +
      '<label>Link to the post<input type="url" name="post_url" value="' + esc(where) + '" readonly></label>' +
      '<label>What should staff know? <textarea name="details" rows="3"></textarea></label>' +
      '<p class="muted">You don\'t need an account to flag. Name and e-mail are optional: leave them empty if you prefer to stay anonymous.</p>' +
      '<label>Your name (optional)<input type="text" name="name"></label>' +
      '<label>Your e-mail (optional, so we can tell you the outcome)<input type="email" name="email"></label>' +
      '<label class="check"><input type="checkbox" name="good_faith" required> I believe in good faith that what I\'m reporting is accurate and complete.</label>' +
      '<p class="flag-handling">What happens next: you\'ll see a confirmation straight away (and an e-mail, if you gave us an address) that your flag has reached us. A member of staff looks at flags marked illegal or safety within 24 hours, and other flags within 3 days. We\'ll tell you what we decided and why. If you disagree, reply to that message to appeal: another moderator who wasn\'t involved will take a second look.</p>' +
      '<div class="modal-actions"><button type="submit" class="btn btn-danger">Flag post</button> <button type="button" class="btn" value="cancel" id="flag-cancel">Cancel</button></div>' +
      "</form>";
    document.body.appendChild(dlg);
    dlg.querySelector("#flag-cancel").addEventListener("click", function () { dlg.close(); dlg.remove(); });
    if (dlg.showModal) dlg.showModal(); else dlg.setAttribute("open", "");
  }

  function renderTopic(t) {
    var el = document.getElementById("topic");
    document.title = t.title + " · Threadline";
    el.innerHTML = '<h1 class="topic-title">' + esc(t.title) + '</h1><p><a class="badge" href="/c/' + esc(t.category) + '">' + esc(catName(t.category)) + "</a></p>" +
      t.posts.map(function (p) {
        return '<article class="post" id="post_' + p.n + '">' +
          '<div class="post-head"><button type="button" class="author" data-user="' + esc(p.author) + '">' + esc(p.author) + '</button> <span class="muted">' + esc(p.date) + "</span></div>" +
          '<div class="cooked"><p>' + esc(p.body) + "</p></div>" +
          '<div class="post-controls">' +
          '<button type="button" class="icon-btn like" aria-label="Like this post">' + HEART_ICON + "</button>" +
          '<button type="button" class="icon-btn share" aria-label="Copy a link to this post">' + LINK_ICON + "</button>" +
          '<button type="button" class="icon-btn flag" data-post="' + p.n + '" aria-label="Flag this post for staff attention" title="Flag">' + FLAG_ICON + "</button>" +
          '<a class="btn reply" href="/login?next=/t/' + esc(t.slug) + "/" + esc(t.id) + '">Reply</a>' +
          "</div></article>";
      }).join("");
    el.querySelectorAll(".author").forEach(function (b) {
      b.addEventListener("click", function (e) { e.stopPropagation(); openCard(b.getAttribute("data-user"), b); });
    });
    el.querySelectorAll(".flag").forEach(function (b) {
      b.addEventListener("click", function () { openFlag(t, t.posts[Number(b.getAttribute("data-post")) - 1]); });
    });
  }

  function menus() {
    var h = document.getElementById("hamburger"), p = document.getElementById("hamburger-panel");
    h.addEventListener("click", function (e) {
      e.stopPropagation();
      p.hidden = !p.hidden;
      h.setAttribute("aria-expanded", String(!p.hidden));
    });
    document.addEventListener("click", function (e) {
      if (!p.hidden && !p.contains(e.target)) { p.hidden = true; h.setAttribute("aria-expanded", "false"); }
      var c = document.getElementById("user-card");
      if (c && !c.contains(e.target)) closeCard();
    });
    var bar = document.getElementById("cookie-bar");
    if (document.cookie.indexOf("tl_cookies=ok") < 0) bar.hidden = false;
    document.getElementById("cookie-ok").addEventListener("click", function () {
      document.cookie = "tl_cookies=ok; path=/; max-age=31536000";
      bar.hidden = true;
    });
  }
  document.addEventListener("DOMContentLoaded", menus);

  window.Threadline = {
    index: function () { listing("Latest topics"); },
    latest: function () { listing("Latest"); },
    categories: categoryCards,
    category: function (slug) {
      categories().then(function () { listing(catName(slug), function (t) { return t.category === slug; }); });
    },
    topic: function (id) { categories().then(function () { return get("/api/t/" + id + ".json"); }).then(renderTopic); },
    profile: function (username) {
      get("/api/u/" + encodeURIComponent(username) + ".json").then(function (u) {
        document.getElementById("profile").innerHTML = "<h1>" + esc(u.name) + ' <small>@' + esc(u.username) + "</small></h1><p>" + esc(u.bio || "") +
          '</p><p class="muted">Joined ' + esc(u.joined) + " · trust level: " + esc(u.level) + " · " + u.posts + " posts</p>" +
          '<p><a class="btn btn-primary" href="/u/' + esc(u.username) + '/message">Message</a></p>';
      });
    }
  };
})();
