/* Lindelaan web app: renders the feed and member profiles from /api/*.json. */
(function () {
  'use strict';
  var app = document.getElementById('app');

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'html') n.innerHTML = attrs[k];
      else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), attrs[k]);
      else n.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }

  function leeg() { while (app.firstChild) app.removeChild(app.firstChild); }

  function haal(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (r.status === 403) { var e = new Error('leeftijd'); e.leeftijd = true; throw e; }
      if (r.status === 404) { var n = new Error('weg'); n.weg = true; throw n; }
      return r.json();
    });
  }

  /* ---------------------------------------------------------------- age step */
  function leeftijdStap() {
    leeg();
    document.title = 'Eerst even je leeftijd · Lindelaan';
    var fout = el('p', { 'class': 'fout', role: 'alert', hidden: 'hidden' });
    function veld(naam, label, min, max, ph) {
      return el('label', { 'class': 'dmj' }, [label,
        el('input', { type: 'number', name: naam, min: String(min), max: String(max), placeholder: ph, required: 'required', inputmode: 'numeric' })]);
    }
    var formulier = el('form', { 'class': 'kaart smal', novalidate: 'novalidate', onsubmit: function (ev) {
      ev.preventDefault();
      var d = +formulier.elements.dag.value, m = +formulier.elements.maand.value, j = +formulier.elements.jaar.value;
      var geboren = new Date(j, m - 1, d);
      if (!d || !m || !j || geboren.getDate() !== d || j < 1900) {
        fout.textContent = 'Dat lijkt geen bestaande datum. Probeer het nog eens.'; fout.hidden = false; return;
      }
      var nu = new Date(), jaren = nu.getFullYear() - j;
      if (nu.getMonth() < m - 1 || (nu.getMonth() === m - 1 && nu.getDate() < d)) jaren -= 1;
      if (jaren < 18) {
        fout.textContent = 'Sorry, Lindelaan is er pas vanaf je achttiende. Tot dan kun je hier niet verder.'; fout.hidden = false;
        formulier.querySelector('button').disabled = true; return;
      }
      window.location.href = '/toegang/doorgaan?next=' + encodeURIComponent(location.pathname + location.search);
    } }, [
      el('h1', { text: 'Eerst even je leeftijd' }),
      el('p', { text: 'Op Lindelaan ontmoeten volwassenen elkaar. Vul je geboortedatum in om profielen te bekijken.' }),
      el('fieldset', {}, [el('legend', { text: 'Wanneer ben je geboren?' }),
        veld('dag', 'Dag', 1, 31, 'dd'), veld('maand', 'Maand', 1, 12, 'mm'), veld('jaar', 'Jaar', 1900, 2026, 'jjjj')]),
      fout,
      el('button', { type: 'submit', 'class': 'knop', text: 'Verder' }),
      el('p', { 'class': 'klein', html: 'Wie zelf een profiel maakt, laat bij het aanmelden z\u00f3 zien dat hij of zij volwassen is: met een identiteitsbewijs en een korte video, of via de eigen bank. <a href="/zo-werkt-het#echt">Zo werkt dat</a>.' })
    ]);
    app.appendChild(formulier);
  }

  /* ---------------------------------------------------------------- feed */
  function kaartje(lid) {
    return el('li', { 'class': 'lidkaart' }, [
      el('a', { href: '/profiel/' + lid.id }, [
        el('img', { src: lid.foto, alt: 'Foto van ' + lid.naam, width: '120', height: '150' }),
        el('strong', { text: lid.naam + ', ' + lid.leeftijd }),
        el('span', { text: lid.woonplaats + ' · actief ' + lid.laatst_actief })
      ])
    ]);
  }

  function overzicht() {
    haal('/api/leden.json').then(function (leden) {
      leeg();
      document.title = 'Ontdekken · Lindelaan';
      app.appendChild(el('h1', { text: 'Mensen in de buurt' }));
      app.appendChild(el('p', { 'class': 'sub', text: 'Alle profielen hieronder zijn door ons gecontroleerd op echtheid en leeftijd.' }));
      app.appendChild(el('ul', { 'class': 'rooster' }, leden.map(kaartje)));
    }).catch(fout);
  }

  /* ---------------------------------------------------------------- dialogs */
  function dialoog(titel, inhoud) {
    var d = el('div', { 'class': 'laag', role: 'dialog', 'aria-modal': 'true', 'aria-label': titel });
    var sluit = el('button', { type: 'button', 'class': 'sluit', 'aria-label': 'Sluiten', text: '\u00d7', onclick: function () { d.remove(); } });
    d.appendChild(el('div', { 'class': 'paneel' }, [sluit, el('h2', { text: titel })].concat(inhoud)));
    document.body.appendChild(d);
    var eerste = d.querySelector('input, textarea, button:not(.sluit)');
    if (eerste) eerste.focus();
    return d;
  }

  function eerstInloggen(wat) {
    dialoog('Log even in', [
      el('p', { text: wat }),
      el('p', {}, [el('a', { 'class': 'knop', href: '/inloggen?next=' + encodeURIComponent(location.pathname) , text: 'Inloggen' }), ' ',
        el('a', { href: '/aanmelden', text: 'Nog geen account?' })])
    ]);
  }

  var REDENEN = [
    ['nep', 'Nepprofiel, of iemand doet zich voor als een ander'],
    ['jong', 'Deze persoon lijkt jonger dan 18'],
    ['dwang', 'Iemand wordt gedwongen, uitgebuit of verhandeld'],
    ['geld', 'Vraagt om geld, cadeaukaarten of bankgegevens'],
    ['ongewenst', 'Seksueel getinte berichten of foto\u2019s die ik niet wilde'],
    ['haat', 'Bedreiging, haat of intimidatie'],
    ['anders', 'Iets anders']
  ];

  function meldVenster(lid) {
    var bedankt = el('div', { 'class': 'bedankt', hidden: 'hidden' }, [
      el('p', { text: 'Dank je. Je melding is binnen; je ziet hieronder het kenmerk. Heb je je e-mailadres gegeven, dan krijg je ook een mail.' }),
      el('p', { html: 'Binnen een etmaal kijkt een mens ernaar, bij een vermoeden van uitbuiting of een minderjarige binnen het uur. <a href="/hulp/na-een-melding">Wat er daarna gebeurt</a>' })
    ]);
    var form = el('form', { method: 'post', action: '/api/meldingen', 'class': 'meldform', onsubmit: function (ev) {
      ev.preventDefault();
      fetch('/api/meldingen', { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
        .then(function () { form.hidden = true; bedankt.hidden = false; })
        .catch(function () { form.querySelector('.fout').hidden = false; });
    } }, [
      el('p', { 'class': 'over', text: 'Over het profiel van ' + lid.naam + ' (' + lid.woonplaats + ')' }),
      el('input', { type: 'hidden', name: 'profiel', value: location.origin + '/profiel/' + lid.id }),
      el('fieldset', {}, [el('legend', { text: 'Wat is er aan de hand?' })].concat(REDENEN.map(function (r, i) {
        return el('label', { 'class': 'keuze' }, [el('input', { type: 'radio', name: 'reden', value: r[0], required: 'required' }), ' ' + r[1]]);
      }))),
      el('label', {}, ['Vertel wat je zag (mag kort)', el('textarea', { name: 'toelichting', rows: '3' })]),
      el('label', {}, ['Je naam (hoeft niet)', el('input', { type: 'text', name: 'naam', autocomplete: 'name' })]),
      el('label', {}, ['Je e-mailadres (hoeft niet; dan kunnen we je laten weten wat we besloten)', el('input', { type: 'email', name: 'email', autocomplete: 'email' })]),
      el('label', { 'class': 'keuze' }, [el('input', { type: 'checkbox', name: 'eerlijk', required: 'required' }),
        ' Ik doe deze melding naar eer en geweten en geloof oprecht dat wat ik meld klopt.']),
      el('p', { 'class': 'fout', hidden: 'hidden', text: 'Versturen lukte niet. Probeer het zo nog eens.' }),
      el('button', { type: 'submit', 'class': 'knop', text: 'Versturen' }),
      el('p', { 'class': 'klein', text: 'Een account is niet nodig. In acuut gevaar? Bel 112.' })
    ]);
    dialoog('Profiel melden', [form, bedankt]);
  }

  function puntjesMenu(lid) {
    var wrap = el('div', { 'class': 'menuwrap' });
    var knop = el('button', { type: 'button', 'class': 'puntjes', 'aria-label': 'Meer opties', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
      html: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/></svg>' });
    var menu = null;
    function dicht() { if (menu) { menu.remove(); menu = null; } knop.setAttribute('aria-expanded', 'false'); }
    knop.addEventListener('click', function (ev) {
      ev.stopPropagation();
      if (menu) { dicht(); return; }
      menu = el('ul', { role: 'menu', 'class': 'menu' }, [
        el('li', { role: 'none' }, [el('button', { role: 'menuitem', type: 'button', text: 'Profiel melden', onclick: function () { dicht(); meldVenster(lid); } })]),
        el('li', { role: 'none' }, [el('button', { role: 'menuitem', type: 'button', text: lid.naam + ' blokkeren', onclick: function () {
          dicht(); eerstInloggen('Log in om ' + lid.naam + ' te blokkeren. Daarna ziet ' + lid.naam + ' jouw profiel niet meer en kan je niet meer schrijven.'); } })]),
        el('li', { role: 'none' }, [el('button', { role: 'menuitem', type: 'button', text: 'Dempen', onclick: function () {
          dicht(); eerstInloggen('Log in om ' + lid.naam + ' te dempen. Berichten komen dan nog wel binnen, maar zonder meldingen.'); } })]),
        el('li', { role: 'none' }, [el('button', { role: 'menuitem', type: 'button', text: 'Link kopi\u00ebren', onclick: function () {
          dicht(); try { navigator.clipboard.writeText(location.href); } catch (e) {} } })])
      ]);
      wrap.appendChild(menu);
      knop.setAttribute('aria-expanded', 'true');
      menu.querySelector('button').focus();
    });
    document.addEventListener('click', function (ev) { if (menu && !wrap.contains(ev.target)) dicht(); });
    document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') dicht(); });
    wrap.appendChild(knop);
    return wrap;
  }

  function profiel(id) {
    haal('/api/profiel/' + encodeURIComponent(id) + '.json').then(function (lid) {
      leeg();
      document.title = lid.naam + ', ' + lid.leeftijd + ' · Lindelaan';
      app.appendChild(el('article', { 'class': 'profiel' }, [
        el('div', { 'class': 'kop' }, [
          el('img', { src: lid.foto, alt: 'Foto van ' + lid.naam, width: '240', height: '300' }),
          el('div', {}, [
            el('h1', { text: lid.naam + ', ' + lid.leeftijd }),
            el('p', { text: lid.woonplaats + ' · actief ' + lid.laatst_actief }),
            lid.geverifieerd ? el('p', { 'class': 'echt', text: '\u2714 Echtheid en leeftijd gecontroleerd' }) : null
          ]),
          puntjesMenu(lid)
        ]),
        el('section', {}, [el('h2', { text: 'Over mij' }), el('p', { text: lid.over })]),
        el('section', {}, [el('h2', { text: 'Waar ik blij van word' }),
          el('ul', { 'class': 'labels' }, lid.interesses.map(function (t) { return el('li', { text: t }); }))]),
        el('section', { 'class': 'contact' }, [
          el('a', { 'class': 'knop', href: '/profiel/' + lid.id + '/schrijf', text: 'Stuur ' + lid.naam + ' een bericht' }),
          ' ',
          el('a', { 'class': 'knop stil', href: '/profiel/' + lid.id + '/hartje', 'aria-label': 'Hartje geven', html: '&#9825;' }),
          el('aside', { 'class': 'let-op' }, [
            el('strong', { text: 'Voor je gaat schrijven: ' }),
            'vraagt iemand je om geld, om naar een andere app te gaan of om foto\u2019s die je niet wilt delen? Stop het gesprek en laat het ons weten via de drie puntjes. Niemand van Lindelaan vraagt ooit om je wachtwoord.'
          ])
        ])
      ]));
    }).catch(fout);
  }

  function fout(e) {
    if (e && e.leeftijd) { leeftijdStap(); return; }
    leeg();
    if (e && e.weg) { app.appendChild(el('h1', { text: 'Dit profiel bestaat niet meer' })); return; }
    app.appendChild(el('p', { 'class': 'fout', text: 'Er ging iets mis bij het laden. Ververs de pagina.' }));
  }

  var m = location.pathname.match(/^\/profiel\/([a-z0-9]+)\/?$/);
  if (m) profiel(m[1]);
  else overzicht();
})();
