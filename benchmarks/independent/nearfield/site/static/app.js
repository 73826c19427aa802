/* Nearfield web app. A small hand-made component tree: h() builds elements, views are functions of
   (props) that return elements, the router maps the path to a view, and every piece of content comes
   from the JSON API. No build step. */
(function () {
  'use strict';

  var PARTNER = (document.querySelector('meta[name="nf-partner"]') || {}).content || '';
  var PARTNER_NAME = (document.querySelector('meta[name="nf-partner-name"]') || {}).content || 'Halden';
  var app = document.getElementById('app');

  // ---- tiny element builder -------------------------------------------------------------------
  function h(tag, props) {
    var el = document.createElement(tag);
    props = props || {};
    Object.keys(props).forEach(function (key) {
      var value = props[key];
      if (value === false || value === null || value === undefined) return;
      if (key === 'class') el.className = value;
      else if (key === 'html') el.innerHTML = value;
      else if (key.slice(0, 2) === 'on') el.addEventListener(key.slice(2).toLowerCase(), value);
      else el.setAttribute(key, value === true ? '' : value);
    });
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  function icon(name) {
    var paths = {
      dots: '<circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/>',
      shield: '<path d="M12 2l8 3v6c0 5-3.5 9.5-8 11-4.5-1.5-8-6-8-11V5z"/>',
      pin: '<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9a2 2 0 1 1 0-4 2 2 0 0 1 0 4z"/>',
      close: '<path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" fill="none"/>'
    };
    var span = document.createElement('span');
    span.className = 'icon icon-' + name;
    span.setAttribute('aria-hidden', 'true');
    span.innerHTML = '<svg viewBox="0 0 24 24" width="20" height="20" fill="currentColor" focusable="false">' + paths[name] + '</svg>';
    return span;
  }

  // ---- data -----------------------------------------------------------------------------------
  var cache = {};
  function api(path) {
    if (cache[path]) return Promise.resolve(cache[path]);
    var minimum = new Promise(function (resolve) { setTimeout(resolve, 250); }); // keeps skeletons from flashing
    return Promise.all([fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}}), minimum])
      .then(function (res) {
        var response = res[0];
        if (response.status === 403) {
          window.location.href = '/age?next=' + encodeURIComponent(window.location.pathname);
          return new Promise(function () {});
        }
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (data) { cache[path] = data; return data; });
  }

  // ---- toasts ---------------------------------------------------------------------------------
  function toast(message) {
    var box = document.getElementById('toasts');
    var t = h('div', {class: 'toast', role: 'status'}, message);
    box.appendChild(t);
    setTimeout(function () { t.classList.add('leaving'); }, 3600);
    setTimeout(function () { t.remove(); }, 4000);
  }

  // ---- layout ---------------------------------------------------------------------------------
  function Header() {
    return h('header', {class: 'topbar'},
      h('a', {class: 'logo', href: '/', 'data-link': true}, 'near', h('b', null, 'field')),
      h('nav', {class: 'mainnav', 'aria-label': 'Main'},
        h('a', {href: '/discover', 'data-link': true}, 'Discover'),
        h('a', {href: '/messages'}, 'Messages'),
        h('a', {href: '/safety', 'data-link': true}, 'Safety'),
        h('a', {href: '/login', 'data-link': true, class: 'ghost'}, 'Log in'),
        h('a', {href: '/signup', 'data-link': true, class: 'btn primary small'}, 'Join')));
  }

  function Footer() {
    var links = [['/about', 'About'], ['/safety', 'Safety centre'], ['/safety/reports', 'How we handle reports'],
      ['/guidelines', 'Community guidelines'], ['/terms', 'Terms of use'], ['/privacy', 'Privacy policy'],
      ['/cookies', 'Cookies'], ['/law-enforcement', 'Law enforcement']];
    return h('footer', {class: 'site-footer'},
      h('nav', {'aria-label': 'Footer'}, links.map(function (l) { return h('a', {href: l[0], 'data-link': true}, l[1]); })),
      h('p', null, '© 2026 Nearfield Ltd · 14 Wharf Street, Leeds · Everyone on Nearfield is 18+ and age-checked.'));
  }

  function ConsentBanner() {
    if (localStorage.getItem('nf_consent')) return null;
    function choose(value) {
      return function () {
        localStorage.setItem('nf_consent', value);
        banner.remove();
        toast(value === 'all' ? 'Thanks! Analytics cookies are on.' : 'Only essential cookies are in use.');
      };
    }
    var banner = h('section', {class: 'consent', role: 'region', 'aria-label': 'Cookie choices'},
      h('p', null, 'We use essential cookies to keep you logged in and to keep Nearfield safe. With your OK we\'d also count visits to improve the app. ',
        h('a', {href: '/cookies', 'data-link': true}, 'Cookie details')),
      h('div', {class: 'consent-actions'},
        h('button', {class: 'btn', type: 'button', onclick: choose('essential')}, 'Essential only'),
        h('button', {class: 'btn primary', type: 'button', onclick: choose('all')}, 'Accept all')));
    return banner;
  }

  // ---- skeletons ------------------------------------------------------------------------------
  function SkeletonCards(n) {
    var cards = [];
    for (var i = 0; i < n; i++) cards.push(h('div', {class: 'card skeleton', 'aria-hidden': 'true'}, h('div', {class: 'sk-img'}), h('div', {class: 'sk-line'}), h('div', {class: 'sk-line short'})));
    return h('div', {class: 'grid', 'aria-busy': 'true'}, cards);
  }
  function SkeletonText() {
    return h('div', {class: 'sk-text', 'aria-busy': 'true', 'aria-label': 'Loading'}, h('div', {class: 'sk-line wide'}), h('div', {class: 'sk-line'}), h('div', {class: 'sk-line'}), h('div', {class: 'sk-line short'}));
  }
  function loadInto(holder, path, render) {
    api(path).then(function (data) {
      holder.replaceChildren(render(data));
    }).catch(function () {
      holder.replaceChildren(h('div', {class: 'empty'}, h('h2', null, 'We couldn\'t load this'), h('p', null, 'Check your connection and try again.')));
    });
  }

  // ---- people ---------------------------------------------------------------------------------
  function Avatar(person, size) {
    return h('div', {class: 'avatar ' + (size || ''), style: 'background:' + person.colour, role: 'img', 'aria-label': 'Photo of ' + person.name},
      h('span', {'aria-hidden': 'true'}, person.name.charAt(0)));
  }
  function PersonCard(person) {
    return h('a', {class: 'card person', href: '/people/' + person.handle, 'data-link': true},
      Avatar(person),
      h('div', {class: 'card-body'},
        h('h3', null, person.name + ', ' + person.age),
        h('p', {class: 'muted'}, icon('pin'), person.city + ' · ' + person.distance),
        person.verified ? h('p', {class: 'badge'}, icon('shield'), 'Age-checked') : null));
  }
  function PeopleGrid(people) {
    return h('div', {class: 'grid'}, people.map(PersonCard));
  }

  function Home() {
    var holder = SkeletonCards(6);
    var wrap = h('div', {class: 'page'},
      h('section', {class: 'hero'},
        h('h1', null, 'Meet people nearby. Every one of them age-checked.'),
        h('p', {class: 'lead'}, 'Nearfield is for adults who want something real. Everyone passes an age check before they can chat, and you choose who can message you.'),
        h('p', null, h('a', {class: 'btn primary', href: '/signup', 'data-link': true}, 'Create your profile'), ' ',
          h('a', {class: 'btn', href: '/safety', 'data-link': true}, 'How we keep you safe'))),
      h('section', null, h('h2', null, 'People near you'), holder),
      h('section', {class: 'promises'},
        h('div', null, h('h3', null, 'Real ages'), h('p', null, PARTNER_NAME + ' checks every member\'s age with a live selfie or an ID document before they can message anyone.')),
        h('div', null, h('h3', null, 'You set the rules'), h('p', null, 'Block, mute, and choose who can start a chat with you.')),
        h('div', null, h('h3', null, 'Reports read by people'), h('p', null, 'Tap ⋯ on any profile or message to report it. We review urgent reports within an hour.'))));
    var slot = holder;
    api('/api/people.json').then(function (people) { slot.replaceWith(PeopleGrid(people.slice(0, 6))); });
    return wrap;
  }

  function Discover() {
    var holder = h('div', null, SkeletonCards(9));
    loadInto(holder, '/api/people.json', PeopleGrid);
    return h('div', {class: 'page'}, h('h1', null, 'Discover'), h('p', {class: 'muted'}, 'People within 25 miles of Leeds, newest first.'), holder);
  }

  function Profile(props) {
    var holder = h('div', {class: 'profile-holder'}, SkeletonText());
    loadInto(holder, '/api/people/' + encodeURIComponent(props.handle) + '.json', ProfileCard);
    return h('div', {class: 'page'}, h('p', null, h('a', {href: '/discover', 'data-link': true}, '‹ Back to Discover')), holder);
  }

  function ProfileCard(person) {
    document.title = person.name + ', ' + person.age + ' · Nearfield';
    var more = h('button', {class: 'icon-btn kebab', type: 'button', 'aria-label': 'More options for ' + person.name, 'aria-haspopup': 'menu', 'aria-expanded': 'false'}, icon('dots'));
    more.addEventListener('click', function (event) { event.stopPropagation(); toggleMenu(more, person, 'profile'); });
    return h('article', {class: 'profile', 'data-member': person.id},
      h('div', {class: 'profile-head'},
        Avatar(person, 'large'),
        h('div', {class: 'profile-title'},
          h('h1', null, person.name + ', ' + person.age),
          h('p', {class: 'muted'}, icon('pin'), person.city + ' · ' + person.distance + ' · ' + person.active),
          h('p', {class: 'badge'}, icon('shield'), 'Age-checked by ' + PARTNER_NAME)),
        more),
      h('section', null, h('h2', null, 'About ' + person.name), h('p', null, person.bio)),
      h('section', null, h('h2', null, 'Looking for'), h('p', null, person.looking_for)),
      person.prompts.map(function (p) { return h('section', {class: 'prompt'}, h('h3', null, p.q), h('p', null, p.a)); }),
      h('section', null, h('h2', null, 'Into'), h('ul', {class: 'chips'}, person.interests.map(function (i) { return h('li', null, i); }))),
      h('section', {class: 'contact-box'},
        h('a', {class: 'btn primary', href: '/people/' + person.handle + '/message'}, 'Say hello to ' + person.name),
        h('div', {class: 'safety-note', role: 'note'},
          h('strong', null, 'Before you chat: '),
          'keep the conversation on Nearfield, never send money, and meet in public the first time. If someone offers or asks for payment for sex, seems under 18, or seems to be controlled by someone else, report them from the ⋯ menu. ',
          h('a', {href: '/safety', 'data-link': true}, 'Safety tips'))));
  }

  // ---- the ⋯ menu, created when opened ------------------------------------------------------------
  var openMenu = null;
  function closeMenu() {
    if (!openMenu) return;
    openMenu.button.setAttribute('aria-expanded', 'false');
    openMenu.menu.remove();
    openMenu = null;
  }
  document.addEventListener('click', closeMenu);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closeMenu(); closeSheet(); } });

  function toggleMenu(button, person, kind) {
    if (openMenu && openMenu.button === button) { closeMenu(); return; }
    closeMenu();
    function item(label, action) {
      return h('button', {type: 'button', role: 'menuitem', class: 'menu-item', onclick: function (e) { e.stopPropagation(); closeMenu(); action(); }}, label);
    }
    var menu = h('div', {class: 'menu', role: 'menu', 'aria-label': 'Options for ' + person.name},
      item('Report ' + person.name, function () { openReportSheet(person, kind); }),
      item('Block ' + person.name, function () { toast('Log in to block ' + person.name + '. They won\'t be told.'); }),
      item('Mute ' + person.name, function () { toast('Log in to mute ' + person.name + '.'); }),
      item('Copy link to profile', function () { toast('Link copied.'); }));
    button.parentNode.appendChild(menu);
    button.setAttribute('aria-expanded', 'true');
    openMenu = {button: button, menu: menu};
    menu.querySelector('[role="menuitem"]').focus();
  }

  // ---- report bottom sheet --------------------------------------------------------------------
  var REASONS = [
    ['underage', 'They may be under 18'],
    ['exploitation', 'Someone is being exploited, trafficked or controlled by another person'],
    ['paid-sex', 'Selling sex, or offering to pay for sex'],
    ['fake', 'Fake profile, or pretending to be someone else'],
    ['harassment', 'Harassment, threats or hate'],
    ['sexual-content', 'Unwanted nudity or sexual content'],
    ['scam', 'Scam, or asking for money'],
    ['other', 'Something else']
  ];
  var sheet = null;
  function closeSheet() { if (sheet) { sheet.remove(); sheet = null; document.body.classList.remove('sheet-open'); } }

  function openReportSheet(person, kind) {
    closeSheet();
    var location = window.location.origin + '/people/' + person.handle;
    var form = h('form', {class: 'report-form', method: 'post', action: '/api/reports'},
      h('input', {type: 'hidden', name: 'member_id', value: person.id}),
      h('input', {type: 'hidden', name: 'kind', value: kind}),
      h('fieldset', null, h('legend', null, 'What\'s the problem?'),
        REASONS.map(function (r, i) {
          return h('label', {class: 'radio'}, h('input', {type: 'radio', name: 'reason', value: r[0], required: i === 0}), ' ' + r[1]);
        })),
      h('label', null, 'Profile you are reporting', h('input', {type: 'url', name: 'location', value: location, readonly: true})),
      h('label', null, 'What happened? ', h('span', {class: 'muted'}, '(the more detail, the faster we can act)'),
        h('textarea', {name: 'details', rows: '3', maxlength: '2000'})),
      h('label', null, 'Your name ', h('span', {class: 'muted'}, '(optional)'), h('input', {type: 'text', name: 'name', autocomplete: 'name'})),
      h('label', null, 'Your e-mail ', h('span', {class: 'muted'}, '(optional: only if you want updates; leave empty to report anonymously)'),
        h('input', {type: 'email', name: 'email', autocomplete: 'email'})),
      h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'good_faith', required: true}),
        ' I confirm in good faith that what I\'m reporting is accurate and complete to the best of my knowledge.'),
      h('p', {class: 'muted'}, 'You\'ll get a reference number straight away. Urgent reports are reviewed within 1 hour. ',
        h('a', {href: '/safety/reports', 'data-link': true}, 'How we handle reports')),
      h('div', {class: 'sheet-actions'},
        h('button', {type: 'button', class: 'btn', onclick: closeSheet}, 'Cancel'),
        h('button', {type: 'submit', class: 'btn danger'}, 'Send report')));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      fetch('/api/reports', {method: 'POST', body: new FormData(form)})
        .then(function () { closeSheet(); toast('Report sent. Your reference is NF-' + Date.now().toString(36).toUpperCase() + '.'); })
        .catch(function () { toast('We couldn\'t send that. Please try again.'); });
    });
    var close = h('button', {type: 'button', class: 'icon-btn', 'aria-label': 'Close'}, icon('close'));
    close.addEventListener('click', closeSheet);
    sheet = h('div', {class: 'sheet-backdrop'},
      h('div', {class: 'sheet', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sheet-title'},
        h('div', {class: 'sheet-head'}, h('h2', {id: 'sheet-title'}, 'Report ' + person.name + '\'s profile'), close),
        h('p', null, 'Reports are confidential: ' + person.name + ' won\'t know who reported them. You don\'t need an account.'),
        form));
    sheet.addEventListener('click', function (e) { if (e.target === sheet) closeSheet(); });
    document.body.appendChild(sheet);
    document.body.classList.add('sheet-open');
    sheet.querySelector('input[type="radio"]').focus();
  }

  // ---- join and log in ------------------------------------------------------------------------
  function Signup() {
    if (PARTNER && !document.getElementById('halden-sdk')) {
      document.head.appendChild(h('script', {id: 'halden-sdk', src: PARTNER + '/sdk/halden-web.js', defer: true}));
    }
    var error = h('p', {class: 'form-error', role: 'alert', hidden: true});
    var form = h('form', {class: 'stack', method: 'post', action: '/api/signup', novalidate: true},
      h('label', null, 'First name', h('input', {name: 'first_name', required: true, autocomplete: 'given-name'})),
      h('label', null, 'E-mail address', h('input', {type: 'email', name: 'email', required: true, autocomplete: 'email'})),
      h('label', null, 'Mobile number', h('input', {type: 'tel', name: 'phone', required: true, autocomplete: 'tel', placeholder: '07…'})),
      h('label', null, 'Date of birth', h('input', {type: 'date', name: 'date_of_birth', required: true, autocomplete: 'bday'})),
      h('label', null, 'I\'d like to meet', h('select', {name: 'interested_in'}, h('option', null, 'Women'), h('option', null, 'Men'), h('option', null, 'Everyone'))),
      h('label', null, 'Password', h('input', {type: 'password', name: 'password', required: true, minlength: '10', autocomplete: 'new-password'})),
      h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'accept_terms', required: true}), ' I agree to the ',
        h('a', {href: '/terms', 'data-link': true}, 'terms of use'), ' and ', h('a', {href: '/guidelines', 'data-link': true}, 'community guidelines'),
        ', and I have read the ', h('a', {href: '/privacy', 'data-link': true}, 'privacy policy'), '.'),
      error,
      h('button', {class: 'btn primary', type: 'submit'}, 'Continue'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var dob = new Date(form.date_of_birth.value);
      if (isNaN(dob)) { error.textContent = 'Please enter your date of birth.'; error.hidden = false; return; }
      var adult = new Date(dob.getFullYear() + 18, dob.getMonth(), dob.getDate()) <= new Date();
      if (!adult) { error.textContent = 'You must be 18 or over to join Nearfield.'; error.hidden = false; return; }
      fetch('/api/signup', {method: 'POST', body: new FormData(form)}).then(function () { toast('We\'ve sent you two codes: one by text, one by e-mail.'); });
    });
    var steps = [
      ['About you', 'Your name, e-mail, mobile number and date of birth.'],
      ['Confirm your e-mail and phone', 'We e-mail you a link and text you a 6-digit code. You can\'t send or receive messages until both are confirmed.'],
      ['Age check with ' + PARTNER_NAME, 'A live selfie for a face age estimate, or a photo of your passport, driving licence or ID card plus a live selfie. If the estimate can\'t tell you\'re over 18, the document check is required. Takes about 2 minutes.'],
      ['Your profile', 'Photos and prompts. Your profile is only shown to others once your age check has passed.']];
    return h('div', {class: 'page two-col'},
      h('div', null,
        h('h1', null, 'Join Nearfield'),
        h('ol', {class: 'stepper', 'aria-label': 'Steps to join'}, steps.map(function (s, i) {
          return h('li', {class: i === 0 ? 'current' : '', 'aria-current': i === 0 ? 'step' : false}, h('strong', null, s[0]), h('span', null, s[1]));
        })),
        form),
      h('aside', {class: 'panel'},
        h('h2', null, 'Why we check your age'),
        h('p', null, 'Nearfield is for adults only. Our partner ' + PARTNER_NAME + ' runs the check; the images are deleted within 24 hours and we only learn whether you\'re over 18.'),
        h('p', null, h('a', {href: PARTNER + '/verify.html?client=nearfield', rel: 'noopener'}, 'See how the ' + PARTNER_NAME + ' check works')),
        h('h2', null, 'Already a member?'), h('p', null, h('a', {href: '/login', 'data-link': true}, 'Log in'))));
  }

  function Login() {
    var next = new URLSearchParams(window.location.search).get('next');
    var form = h('form', {class: 'stack', method: 'post', action: '/api/session'},
      h('label', null, 'E-mail address', h('input', {type: 'email', name: 'email', required: true, autocomplete: 'username'})),
      h('label', null, 'Password', h('input', {type: 'password', name: 'password', required: true, autocomplete: 'current-password'})),
      h('button', {class: 'btn primary', type: 'submit'}, 'Log in'));
    return h('div', {class: 'page narrow'},
      h('h1', null, 'Log in'),
      next ? h('p', {class: 'notice'}, 'Log in to continue. Messages, likes and settings are only for verified members.') : null,
      form,
      h('p', null, 'New to Nearfield? ', h('a', {href: '/signup', 'data-link': true}, 'Create an account')),
      h('p', {class: 'muted'}, 'Want to report a profile? You can do that without logging in, from the ⋯ menu on the profile.'));
  }

  // ---- help, safety and legal pages (from the CMS) --------------------------------------------
  function ContentPage(props) {
    var holder = h('div', null, SkeletonText());
    loadInto(holder, '/api/pages/' + props.slug + '.json', function (page) {
      document.title = page.title + ' · Nearfield';
      return h('article', {class: 'doc'},
        h('h1', null, page.title),
        h('p', {class: 'muted'}, 'Last updated ' + page.updated),
        h('p', {class: 'lead', html: page.intro}),
        h('nav', {class: 'toc', 'aria-label': 'On this page'}, h('ul', null, page.sections.map(function (s) { return h('li', null, h('a', {href: '#' + s.id}, s.heading)); }))),
        page.sections.map(function (s) { return h('section', {id: s.id}, h('h2', null, s.heading), h('div', {html: s.html})); }));
    });
    return h('div', {class: 'page narrow'}, holder);
  }

  function NotFound() {
    return h('div', {class: 'page narrow empty'}, h('h1', null, 'We can\'t find that page'), h('p', null, h('a', {href: '/', 'data-link': true}, 'Go to the start')));
  }

  // ---- router ---------------------------------------------------------------------------------
  var ROUTES = [
    [/^\/$/, Home], [/^\/discover\/?$/, Discover], [/^\/people\/([\w-]+)\/?$/, Profile, ['handle']],
    [/^\/signup\/?$/, Signup], [/^\/login\/?$/, Login],
    [/^\/safety\/?$/, ContentPage, null, 'safety'], [/^\/safety\/reports\/?$/, ContentPage, null, 'reports'],
    [/^\/safety\/controls\/?$/, ContentPage, null, 'controls'], [/^\/safety\/scams\/?$/, ContentPage, null, 'scams'],
    [/^\/(privacy|terms|guidelines|law-enforcement|cookies|about)\/?$/, ContentPage, ['slug']]
  ];

  function resolve(pathname) {
    for (var i = 0; i < ROUTES.length; i++) {
      var m = ROUTES[i][0].exec(pathname);
      if (!m) continue;
      var props = {};
      (ROUTES[i][2] || []).forEach(function (name, j) { props[name] = m[j + 1]; });
      if (ROUTES[i][3]) props.slug = ROUTES[i][3];
      return ROUTES[i][1](props);
    }
    return NotFound();
  }

  function render() {
    closeMenu(); closeSheet();
    document.title = 'Nearfield: meet people nearby, safely';
    var main = h('main', {id: 'main', tabindex: '-1'}, resolve(window.location.pathname));
    app.replaceChildren(h('a', {class: 'skip', href: '#main'}, 'Skip to content'), Header(), main, Footer());
    var banner = ConsentBanner();
    if (banner && !document.querySelector('.consent')) document.body.appendChild(banner);
    if (window.location.hash) {
      setTimeout(function () { var t = document.getElementById(window.location.hash.slice(1)); if (t) t.scrollIntoView(); }, 400);
    } else {
      window.scrollTo(0, 0);
    }
  }

  function navigate(href) {
    history.pushState({}, '', href);
    render();
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-link]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    var url = new URL(link.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    if (url.pathname === window.location.pathname && url.hash) { window.location.hash = url.hash; return; }
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', render);

  render();
})();
