// Emberhall room client: loads the room history, then polls for new lines every few seconds.
(function () {
  "use strict";
  var main = document.querySelector("main.room");
  if (!main) return;
  var room = main.getAttribute("data-room");
  var log = document.getElementById("log");
  var lastId = 0;
  var seen = {};

  var ICONS = {
    react: '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="7.2" cy="8" r="1.1" fill="currentColor"/><circle cx="12.8" cy="8" r="1.1" fill="currentColor"/><path d="M6.5 12c1.8 2.2 5.2 2.2 7 0" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>',
    reply: '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M8 5 3 10l5 5M3.5 10H12a5 5 0 0 1 5 5" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>',
    flag: '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M5 18V3m0 1h9l-2 3.5 2 3.5H5" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>'
  };

  function timeLabel(iso) {
    var d = new Date(iso);
    return d.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"});
  }

  function render(msg) {
    var el = document.createElement("article");
    el.className = "msg";
    el.tabIndex = 0;
    el.setAttribute("data-id", msg.id);
    var head = document.createElement("div");
    head.className = "msg-head";
    var who = document.createElement("button");
    who.type = "button";
    who.className = "author";
    who.textContent = msg.author;
    who.setAttribute("data-member", msg.author);
    var when = document.createElement("time");
    when.dateTime = msg.time;
    when.textContent = timeLabel(msg.time);
    head.appendChild(who);
    head.appendChild(when);
    var body = document.createElement("p");
    body.className = "msg-text";
    body.textContent = msg.text;
    var tools = document.createElement("div");
    tools.className = "msg-tools";
    tools.setAttribute("role", "toolbar");
    tools.setAttribute("aria-label", "Message actions");
    tools.innerHTML =
      '<button type="button" class="tool" data-act="react" aria-label="React">' + ICONS.react + '</button>' +
      '<button type="button" class="tool" data-act="reply" aria-label="Reply">' + ICONS.reply + '</button>' +
      '<button type="button" class="tool" data-act="flag" aria-label="Flag message">' + ICONS.flag + '</button>';
    el.appendChild(head);
    el.appendChild(body);
    el.appendChild(tools);
    return el;
  }

  function add(messages) {
    var loading = log.querySelector(".loading");
    if (loading) loading.remove();
    messages.forEach(function (msg) {
      if (seen[msg.id] || msg.id <= lastId) return;
      seen[msg.id] = true;
      lastId = Math.max(lastId, msg.id);
      log.appendChild(render(msg));
    });
    log.scrollTop = log.scrollHeight;
  }

  function poll() {
    fetch("/api/rooms/" + encodeURIComponent(room) + "/messages.json?after=" + lastId, {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(add)
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, 4000); });
  }

  // --- members-only prompts
  var ask = document.getElementById("ask");
  var askText = document.getElementById("ask-text");
  var askLogin = document.getElementById("ask-login");
  var PROMPTS = {
    react: ["Log in to add reactions.", "/react/"],
    reply: ["Log in to reply to messages.", "/reply/"],
    flag: ["Only members can flag messages for the moderators. Log in, or create an account: it only takes a username.", "/flag/"],
    message: ["Direct messages are for members. Log in or create an account to message ", "/dm/"],
    block: ["Log in to block people. Blocked members can't message you or see you in the member list.", "/block/"]
  };
  function membersOnly(kind, target) {
    var p = PROMPTS[kind];
    askText.textContent = kind === "message" ? p[0] + target + "." : p[0];
    askLogin.href = p[1] + encodeURIComponent(target);
    ask.hidden = false;
    askLogin.focus();
  }
  document.getElementById("ask-close").addEventListener("click", function () { ask.hidden = true; });

  // --- member cards
  var card = document.getElementById("card");
  function openCard(button) {
    var name = button.getAttribute("data-member");
    fetch("/api/members/" + encodeURIComponent(name) + ".json")
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) {
        if (!m) return;
        card.innerHTML = "";
        var top = document.createElement("div");
        top.className = "card-top";
        top.style.background = m.color;
        var h = document.createElement("h2");
        h.textContent = m.display;
        var handle = document.createElement("p");
        handle.className = "handle";
        handle.textContent = "@" + m.name;
        var roles = document.createElement("p");
        roles.className = "roles";
        roles.textContent = m.roles.length ? m.roles.join(" · ") : "Member";
        var bio = document.createElement("p");
        bio.textContent = m.bio;
        var since = document.createElement("p");
        since.className = "meta";
        since.textContent = "Member since " + m.since;
        var actions = document.createElement("div");
        actions.className = "card-actions";
        var msg = document.createElement("button");
        msg.type = "button";
        msg.textContent = "Message";
        msg.addEventListener("click", function () { membersOnly("message", m.name); });
        var block = document.createElement("button");
        block.type = "button";
        block.className = "quiet";
        block.textContent = "Block";
        block.addEventListener("click", function () { membersOnly("block", m.name); });
        actions.appendChild(msg);
        actions.appendChild(block);
        [top, h, handle, roles, bio, since, actions].forEach(function (n) { card.appendChild(n); });
        var rect = button.getBoundingClientRect();
        card.style.top = (window.scrollY + rect.bottom + 6) + "px";
        card.style.left = (window.scrollX + rect.left) + "px";
        card.hidden = false;
      });
  }

  document.addEventListener("click", function (ev) {
    var author = ev.target.closest(".author");
    if (author) { ev.stopPropagation(); openCard(author); return; }
    var tool = ev.target.closest(".tool");
    if (tool) {
      var id = tool.closest(".msg").getAttribute("data-id");
      membersOnly(tool.getAttribute("data-act"), id);
      return;
    }
    if (!card.hidden && !ev.target.closest("#card")) card.hidden = true;
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { card.hidden = true; ask.hidden = true; }
  });

  poll();
})();
