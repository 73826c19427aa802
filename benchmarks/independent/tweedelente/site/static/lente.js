/* Tweede Lente: a small single-page app. History-API routes, every view built from JSON. */
(function () {
  'use strict';
  var app = document.getElementById('app');
  var partner = document.body.getAttribute('data-partner') || '';
  var ingelogd = false; // this build never has a session for visitors

  var NAV = [
    ['/profielen', 'Ontdekken'], ['/berichten', 'Berichten'], ['/hulp', 'Hulp'], ['/veiligheid', 'Veilig daten']
  ];
  var FOOTER = [
    ['/over-ons', 'Over ons'], ['/veiligheid', 'Veilig daten'], ['/hulp', 'Hulp en instellingen'],
    ['/meldingen', 'Wat gebeurt er met je melding?'], ['/privacy', 'Privacy'], ['/voorwaarden', 'Voorwaarden'],
    ['/cookies', 'Cookies'], ['/contact', 'Contact']
  ];

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { n.textContent = attrs[k]; } else if (k === 'html') { n.innerHTML = attrs[k]; }
      else if (k.indexOf('on') === 0) { n.addEventListener(k.slice(2), attrs[k]); } else { n.setAttribute(k, attrs[k]); }
    });
    (kids || []).forEach(function (c) { if (c) { n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return n;
  }
  function link(href, text, cls) { return el('a', { href: href, text: text, 'class': cls || '' }); }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    });
  }

  function shell(main) {
    app.innerHTML = '';
    var header = el('header', { 'class': 'kop' }, [
      el('a', { href: '/', 'class': 'logo' }, [el('span', { 'class': 'blad', text: '❀' }), ' Tweede Lente']),
      el('nav', { 'class': 'hoofdmenu', 'aria-label': 'Hoofdmenu' }, NAV.map(function (n) { return link(n[0], n[1]); })),
      el('div', { 'class': 'account' }, [link('/inloggen', 'Inloggen'), link('/aanmelden', 'Gratis aanmelden', 'knop')])
    ]);
    var footer = el('footer', { 'class': 'voet' }, [
      el('nav', { 'aria-label': 'Over Tweede Lente' }, FOOTER.map(function (n) { return link(n[0], n[1]); })),
      el('p', { text: '© 2026 Tweede Lente B.V. · Zwolle · Voor vijftigplussers die echt iemand willen leren kennen.' })
    ]);
    var mainEl = el('main', { id: 'inhoud', tabindex: '-1' }, [main]);
    app.appendChild(header); app.appendChild(mainEl); app.appendChild(footer);
  }
  function laden() { shell(el('div', { 'class': 'laden', text: 'Even geduld…' })); }

  function kaart(p) {
    return el('a', { href: '/profiel/' + p.naam, 'class': 'kaart' }, [
      el('div', { 'class': 'foto wazig', style: 'background:' + p.kleur, 'aria-hidden': 'true', text: p.voornaam.charAt(0) }),
      el('h3', { text: p.voornaam + ', ' + p.leeftijd }),
      el('p', { 'class': 'plaats', text: p.woonplaats }),
      el('p', { text: p.kort })
    ]);
  }

  function viewHome() {
    laden();
    getJSON('/api/profielen.json').then(function (list) {
      shell(el('div', {}, [
        el('section', { 'class': 'held' }, [
          el('h1', { text: 'Liefde kent geen leeftijd. Echtheid wel.' }),
          el('p', { text: 'Tweede Lente is de datingapp voor vijftigplussers waar iedereen via de bank is gecontroleerd. Geen nepprofielen, geen gedoe.' }),
          link('/aanmelden', 'Gratis aanmelden', 'knop groot')
        ]),
        el('h2', { text: 'Nieuw op Tweede Lente' }),
        el('div', { 'class': 'raster' }, list.slice(0, 6).map(kaart)),
        el('p', {}, [link('/profielen', 'Bekijk alle leden')])
      ]));
    }).catch(fout);
  }

  function viewLijst() {
    laden();
    getJSON('/api/profielen.json').then(function (list) {
      shell(el('div', {}, [el('h1', { text: 'Ontdekken' }),
        el('p', { text: 'Foto\'s zijn wazig tot je bent ingelogd. Iedereen hier heeft zijn leeftijd en identiteit laten controleren.' }),
        el('div', { 'class': 'raster' }, list.map(kaart))]));
    }).catch(fout);
  }

  /* The "more options" menu: the same on profiles and on chat messages. */
  function meerOpties(context) {
    var wrap = el('div', { 'class': 'meer' });
    var svg = '<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><circle cx="10" cy="4" r="2"/><circle cx="10" cy="10" r="2"/><circle cx="10" cy="16" r="2"/></svg>';
    var btn = el('button', { type: 'button', 'class': 'kebab', 'aria-label': 'Meer opties', 'aria-haspopup': 'menu', 'aria-expanded': 'false', html: svg });
    var menu = null;
    function sluit() { if (menu) { menu.remove(); menu = null; btn.setAttribute('aria-expanded', 'false'); } }
    btn.addEventListener('click', function (e) {
      e.stopPropagation();
      if (menu) { sluit(); return; }
      menu = el('div', { role: 'menu', 'class': 'menu' }, [
        el('button', { role: 'menuitem', type: 'button', text: 'Melden', onclick: function () { sluit(); meldDialoog(context); } }),
        el('button', { role: 'menuitem', type: 'button', text: 'Blokkeren', onclick: function () { sluit(); melding('Log in om ' + context.naam + ' te blokkeren. Wie je blokkeert, kan je niet meer zien en je geen berichten sturen.'); } }),
        el('button', { role: 'menuitem', type: 'button', text: 'Verbergen', onclick: function () { sluit(); melding('Log in om ' + context.naam + ' te verbergen uit je zoekresultaten.'); } })
      ]);
      wrap.appendChild(menu); btn.setAttribute('aria-expanded', 'true');
      menu.querySelector('button').focus();
    });
    document.addEventListener('click', sluit);
    wrap.appendChild(btn);
    return wrap;
  }

  function meldDialoog(context) {
    var reasons = [
      ['nep', 'Nepprofiel of oplichting (vraagt om geld)'],
      ['identiteit', 'Gebruikt de foto of gegevens van iemand anders'],
      ['mensenhandel', 'Vermoeden van mensenhandel of uitbuiting'],
      ['minderjarig', 'Ik denk dat deze persoon minderjarig is'],
      ['intimidatie', 'Intimidatie of ongewenste seksuele berichten'],
      ['haat', 'Beledigend of discriminerend'],
      ['anders', 'Iets anders']
    ];
    var form = el('form', { 'class': 'meldformulier' }, [
      el('fieldset', {}, [el('legend', { text: 'Wat is er aan de hand?' })].concat(reasons.map(function (r) {
        return el('label', { 'class': 'keuze' }, [el('input', { type: 'radio', name: 'reden', value: r[0], required: 'required' }), ' ' + r[1]]);
      }))),
      el('label', { 'for': 'meld-waar', text: 'Over welk profiel of bericht gaat het?' }),
      el('input', { id: 'meld-waar', name: 'locatie', type: 'text', readonly: 'readonly', value: context.adres }),
      el('label', { 'for': 'meld-uitleg', text: 'Vertel wat er gebeurd is' }),
      el('textarea', { id: 'meld-uitleg', name: 'toelichting', rows: '4' }),
      el('label', { 'for': 'meld-naam', text: 'Je naam (mag je leeg laten)' }),
      el('input', { id: 'meld-naam', name: 'naam', type: 'text' }),
      el('label', { 'for': 'meld-mail', text: 'Je e-mailadres (mag je leeg laten; vul het in als je een ontvangstbevestiging en ons besluit wilt krijgen)' }),
      el('input', { id: 'meld-mail', name: 'email', type: 'email' }),
      el('label', { 'class': 'keuze' }, [el('input', { type: 'checkbox', name: 'goede_trouw', required: 'required' }), ' Ik verklaar dat ik deze melding te goeder trouw doe en dat wat ik invul klopt.']),
      el('p', { 'class': 'klein' }, ['Je hoeft geen lid te zijn om te melden. ', link('/meldingen', 'Wat gebeurt er met je melding?')]),
      el('div', { 'class': 'knoppen' }, [
        el('button', { type: 'button', 'class': 'stil', text: 'Annuleren', onclick: function () { dlg.remove(); } }),
        el('button', { type: 'submit', 'class': 'knop', text: 'Melding versturen' })
      ])
    ]);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      fetch('/api/meldingen', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.fromEntries(new FormData(form))) })
        .then(function () { dlg.remove(); melding('Bedankt. Je melding is verstuurd; je krijgt binnen 24 uur een ontvangstbevestiging.'); })
        .catch(function () { melding('Versturen is niet gelukt. Probeer het later nog eens.'); });
    });
    var dlg = el('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'meld-titel', 'class': 'dialoog' }, [
      el('div', { 'class': 'dialoog-vak' }, [el('h2', { id: 'meld-titel', text: 'Melden: ' + context.naam }), form])
    ]);
    document.body.appendChild(dlg);
    form.querySelector('input').focus();
  }

  function melding(tekst) {
    var t = el('div', { 'class': 'toast', role: 'status', text: tekst });
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 6000);
  }

  function viewProfiel(naam) {
    laden();
    getJSON('/api/profiel/' + encodeURIComponent(naam) + '.json').then(function (p) {
      var adres = location.origin + '/profiel/' + p.naam;
      document.title = p.voornaam + ', ' + p.leeftijd + ' · Tweede Lente';
      shell(el('article', { 'class': 'profiel' }, [
        el('div', { 'class': 'profielkop' }, [
          el('div', { 'class': 'foto groot wazig', style: 'background:' + p.kleur, 'aria-hidden': 'true', text: p.voornaam.charAt(0) }),
          el('div', {}, [
            el('h1', { text: p.voornaam + ', ' + p.leeftijd }),
            el('p', { 'class': 'plaats', text: p.woonplaats + ' · lid sinds ' + p.lid_sinds }),
            el('p', { 'class': 'echt', text: '✓ Leeftijd en identiteit gecontroleerd via de bank' })
          ]),
          meerOpties({ naam: p.voornaam, adres: adres })
        ]),
        el('p', { text: p.over.slice(0, 90) + '… ' }, [link('/aanmelden', 'Meld je aan om meer te lezen')]),
        el('h2', { text: 'Interesses' }),
        el('ul', { 'class': 'labels' }, p.interesses.map(function (i) { return el('li', { text: i }); })),
        el('p', { text: 'Zoekt: ' + p.zoekt }),
        el('div', { 'class': 'contactvak' }, [
          el('p', { 'class': 'tip' }, [el('strong', { text: 'Veilig contact: ' }),
            'Tweede Lente vraagt je nooit om geld. Vraagt iemand je om geld, een cadeaukaart of je bankgegevens, of wil diegene meteen naar WhatsApp? Stop het contact en meld het profiel. ',
            link('/veiligheid', 'Meer tips voor veilig daten')]),
          link('/inloggen?next=/berichten/' + p.naam, 'Stuur ' + p.voornaam + ' een bericht', 'knop'),
          el('p', { 'class': 'klein', text: 'Berichten sturen kan alleen als je bent ingelogd en je identiteit hebt laten controleren.' })
        ])
      ]));
    }).catch(function () { viewNietGevonden(); });
  }

  function viewBerichten() {
    if (!ingelogd) {
      shell(el('div', {}, [el('h1', { text: 'Berichten' }),
        el('p', { text: 'Log in om je berichten te lezen. Nog geen lid? Meld je gratis aan; berichten sturen kan zodra je identiteit is gecontroleerd.' }),
        el('p', {}, [link('/inloggen?next=/berichten', 'Inloggen', 'knop'), ' ', link('/aanmelden', 'Gratis aanmelden')])]));
      return;
    }
    getJSON('/api/berichten.json').then(function (gesprek) {
      shell(el('div', {}, gesprek.map(function (b) {
        return el('div', { 'class': 'bericht' }, [el('p', { text: b.tekst }), meerOpties({ naam: b.van, adres: location.origin + '/berichten/' + b.id })]);
      })));
    }).catch(fout);
  }

  function viewAanmelden() {
    laden();
    getJSON('/api/pagina/aanmelden.json').then(function (pg) {
      var form = el('form', { 'class': 'aanmeldformulier', action: '/api/aanmelden', method: 'post' }, [
        el('label', { 'for': 'a-naam', text: 'Voornaam' }), el('input', { id: 'a-naam', name: 'voornaam', type: 'text', required: 'required' }),
        el('label', { 'for': 'a-mail', text: 'E-mailadres' }), el('input', { id: 'a-mail', name: 'email', type: 'email', required: 'required' }),
        el('label', { 'for': 'a-ww', text: 'Wachtwoord' }), el('input', { id: 'a-ww', name: 'wachtwoord', type: 'password', minlength: '10', required: 'required' }),
        el('label', { 'for': 'a-gd', text: 'Geboortedatum' }), el('input', { id: 'a-gd', name: 'geboortedatum', type: 'date', required: 'required' }),
        el('label', { 'class': 'keuze' }, [el('input', { type: 'checkbox', name: 'voorwaarden', required: 'required' }), ' Ik ga akkoord met de ', link('/voorwaarden', 'voorwaarden'), ' en de ', link('/privacy', 'privacyverklaring')]),
        el('button', { type: 'submit', 'class': 'knop', text: 'Verder naar de bankcontrole' })
      ]);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        fetch('/api/aanmelden', { method: 'POST', body: new FormData(form) }).then(function () {
          location.href = partner + '/?terug=' + encodeURIComponent(location.origin + '/welkom');
        }).catch(function () { melding('Aanmelden lukt nu even niet.'); });
      });
      shell(el('div', { 'class': 'pagina' }, [
        el('h1', { text: pg.titel }), el('div', { html: pg.html }), form,
        el('p', { 'class': 'klein' }, ['De bankcontrole doe je op de beveiligde pagina van Zekerwijzer: ', link(partner + '/', 'zo werkt de controle via je bank')])
      ]));
    }).catch(fout);
  }

  function viewInloggen() {
    shell(el('div', { 'class': 'pagina' }, [el('h1', { text: 'Inloggen' }),
      el('form', { 'class': 'aanmeldformulier', action: '/api/inloggen', method: 'post' }, [
        el('label', { 'for': 'l-mail', text: 'E-mailadres' }), el('input', { id: 'l-mail', name: 'email', type: 'email' }),
        el('label', { 'for': 'l-ww', text: 'Wachtwoord' }), el('input', { id: 'l-ww', name: 'wachtwoord', type: 'password' }),
        el('button', { type: 'submit', 'class': 'knop', text: 'Inloggen' })]),
      el('p', {}, ['Nog geen account? ', link('/aanmelden', 'Meld je gratis aan')])]));
  }

  function viewPagina(slug) {
    laden();
    getJSON('/api/pagina/' + encodeURIComponent(slug) + '.json').then(function (pg) {
      document.title = pg.titel + ' · Tweede Lente';
      shell(el('div', { 'class': 'pagina' }, [el('h1', { text: pg.titel }), el('div', { html: pg.html })]));
    }).catch(function () { viewNietGevonden(); });
  }

  function viewNietGevonden() {
    shell(el('div', {}, [el('h1', { text: 'Deze pagina bestaat niet (meer)' }), el('p', {}, [link('/', 'Naar de voorpagina')])]));
  }
  function fout() { shell(el('p', { text: 'Er ging iets mis bij het laden. Probeer het opnieuw.' })); }

  function route() {
    var path = location.pathname.replace(/\/+$/, '') || '/';
    var m;
    document.title = 'Tweede Lente · daten voor vijftigplussers';
    if (path === '/') { return viewHome(); }
    if (path === '/profielen') { return viewLijst(); }
    if ((m = path.match(/^\/profiel\/([a-z-]+)$/))) { return viewProfiel(m[1]); }
    if (path.indexOf('/berichten') === 0 || path === '/instellingen' || path === '/favorieten') { return viewBerichten(); }
    if (path === '/aanmelden') { return viewAanmelden(); }
    if (path === '/inloggen') { return viewInloggen(); }
    if ((m = path.match(/^\/([a-z-]+)$/))) { return viewPagina(m[1]); }
    viewNietGevonden();
  }

  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (!a || a.target || e.metaKey || e.ctrlKey || e.shiftKey) { return; }
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin) { return; }
    e.preventDefault();
    history.pushState({}, '', url.pathname + url.search);
    route();
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', route);

  function toestemming() {
    var keuze = null;
    try { keuze = localStorage.getItem('tl_toestemming'); } catch (e) { keuze = null; }
    if (keuze) { return; }
    var balk = el('div', { 'class': 'toestemming', role: 'region', 'aria-label': 'Cookies' }, [
      el('p', {}, ['Tweede Lente gebruikt noodzakelijke cookies, en met jouw toestemming ook cookies om te meten hoe de app gebruikt wordt. ', link('/cookies', 'Meer over cookies')]),
      el('div', { 'class': 'knoppen' }, [
        el('button', { type: 'button', 'class': 'stil', text: 'Alleen noodzakelijk', onclick: function () { kies('noodzakelijk'); } }),
        el('button', { type: 'button', 'class': 'knop', text: 'Akkoord', onclick: function () { kies('alles'); } })
      ])
    ]);
    function kies(k) { try { localStorage.setItem('tl_toestemming', k); } catch (e) {} balk.remove(); }
    document.body.appendChild(balk);
  }

  route();
  toestemming();
})();
