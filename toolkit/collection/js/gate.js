// Is there an age gate on this page? Runs inside the page. `p` carries the lexicon patterns.
// Marks the gate's controls with data-safehaven-* attributes so Playwright can operate them.
(p) => {
  const re = (s) => new RegExp(s, 'i');
  const AGE = re(p.gate), ENTER = re(p.enter), LEAVE = re(p.leave), DOB = re(p.dob), DOC = re(p.document);
  // A verification step the visitor cannot click through (a face scan, an ID check, a bank login).
  const METHOD = p.method ? re(p.method) : null, STEP = p.step ? re(p.step) : null;
  const DATE_PART = /\b(day|month|year|dag|maand|jaar|dd|mm|yyyy|jjjj)\b/i;
  const vw = window.innerWidth, vh = window.innerHeight;
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => {
    if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const nameOf = (el) => clean(el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '');
  // A form that asks for a password is a signup or login form: its date of birth and its "Continue" button
  // create an account, they do not open a gate (a page of nothing but a short signup form looks like one).
  const inAccountForm = (el) => {
    const f = el.closest && el.closest('form');
    return !!(f && f.querySelector('input[type=password]'));
  };

  function* all(root) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* all(el.shadowRoot);
    }
  }
  const textOf = (el) => {
    let t = el.innerText || '';
    for (const x of all(el)) if (x.shadowRoot) t += ' ' + Array.from(x.shadowRoot.children).map((c) => c.innerText || '').join(' ');
    return clean(t);
  };

  // The site's own menu is no gate's button: a category link "Gezelschap 18+" in the header of every ad page
  // names an adult section, it does not ask the visitor to enter.
  const siteMenu = (el) => !!(el.closest && el.closest('header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]'));
  const COOKIE_WORD = /cookie/i;
  const consentOnly = (t) => COOKIE_WORD.test(t) && !t.split(/(?<=[.!?])\s+/).some((x) => !COOKIE_WORD.test(x) && AGE.test(x));
  // the controls of a consent dialog (its "Accept all") are not the gate's, when the gate is the page around it
  const inConsentDialog = (el) => {
    const d = el.closest && el.closest('dialog, [role=dialog], [aria-modal=true]');
    return !!(d && consentOnly(textOf(d)));
  };
  // 1. An overlay: fixed/absolute, large, or a dialog, whose text speaks of age.
  let best = null, bestArea = 0;
  for (const el of all(document)) {
    if (!visible(el)) continue;
    const cs = getComputedStyle(el);
    const dialogish = el.tagName === 'DIALOG' || el.getAttribute('role') === 'dialog' || el.getAttribute('aria-modal') === 'true';
    if (!dialogish && cs.position !== 'fixed' && cs.position !== 'absolute' && cs.position !== 'sticky') continue;
    const r = el.getBoundingClientRect();
    const area = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0)) * Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
    if (!dialogish && area < 0.35 * vw * vh) continue;
    const t = textOf(el);
    if (!t || t.length > 4000 || !AGE.test(t)) continue;
    // A consent wall that names the age check only as what a cookie remembers ("cookies ... to remember your age
    // check") is no age gate: its age words must stand in a sentence that is not about cookies.
    if (consentOnly(t)) continue;
    if (area > bestArea) { best = el; bestArea = area; }
  }

  const bodyText = textOf(document.body || document.documentElement);
  let kind = 'none', gateEl = null;
  if (best) { kind = 'modal'; gateEl = best; }
  else if (bodyText.length < 2500 && AGE.test(bodyText)) {
    // 2. A whole page that is nothing but a gate (an interstitial).
    const controls = Array.from(all(document)).filter((el) => visible(el) &&
      (el.matches('button, input, select, a[href], [role=button]')) && !inAccountForm(el));
    // a page that describes a verification method and offers its step (a frame, or a control that starts it)
    const verifyFrames = Array.from(document.querySelectorAll('iframe')).filter((f) =>
      /verif|kyc|ident|age|leeftijd|check|passport|selfie|liveness/i.test((f.src || '') + ' ' + (f.title || '')));
    const verifyFrame = verifyFrames.length > 0;
    const hasStep = METHOD && STEP && METHOD.test(bodyText) && (verifyFrame || controls.some((el) => STEP.test(nameOf(el))));
    const hasEnter = controls.some((el) => ENTER.test(nameOf(el)) && !siteMenu(el)) || hasStep;
    const hasDob = controls.some((el) => el.type === 'date' || DOB.test(el.name || '') || DATE_PART.test(el.name || el.getAttribute('placeholder') || ''));
    // A gate page that keeps the site's header and footer: a verification step (its frame or its control) and few
    // links of its own outside them still make it a page that is nothing but the gate.
    const ownLinks = Array.from(document.querySelectorAll('a[href]')).filter((a) => !a.closest('header, nav, footer')).length;
    const fewLinks = document.querySelectorAll('a[href]').length < 25 || (hasStep && ownLinks < 10);
    // A cookie-consent wall is not an age gate because "18+" stands somewhere else on the page (a footer line):
    // on a page that asks about cookies, the age words must stand in the block that holds its controls.
    const consent = /cookie/i.test(bodyText);
    const nearAge = (el) => {
      for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        const t = textOf(a);
        if (t.length > 1500) return false;
        if (AGE.test(t)) return true;
      }
      return false;
    };
    const asks = controls.filter((el) => (ENTER.test(nameOf(el)) && !siteMenu(el)) || (STEP && STEP.test(nameOf(el))) ||
      el.type === 'date' || el.tagName === 'SELECT' || el.tagName === 'IFRAME');
    if ((hasEnter || hasDob) && fewLinks && (!consent || asks.some(nearAge) || (hasStep && verifyFrames.some(nearAge)))) { kind = 'interstitial'; gateEl = document.body; }
  }
  if (!gateEl) return {gate: false, kind: 'none', text: '', controls: [], methods: [], box: null,
                       content_chars: bodyText.length, outside_links: document.querySelectorAll('a[href]').length};

  const methods = new Set(), controls = [];
  let n = 0;
  for (const el of all(gateEl)) {
    if (!visible(el) && !(el.tagName === 'INPUT' && el.type === 'file')) continue;
    if (inAccountForm(el) || (gateEl === document.body && inConsentDialog(el))) continue;
    const tag = el.tagName, type = (el.getAttribute('type') || '').toLowerCase();
    const label = clean([el.getAttribute('aria-label'), el.getAttribute('name'), el.getAttribute('placeholder'),
      el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')?.innerText, el.closest('label')?.innerText].filter(Boolean).join(' '));
    if (tag === 'INPUT' && type === 'checkbox') { methods.add('checkbox'); el.setAttribute('data-safehaven-check', '1'); controls.push('checkbox: ' + label); }
    else if (tag === 'INPUT' && type === 'file') { methods.add('document'); controls.push('file upload: ' + label); }
    else if ((tag === 'INPUT' && (type === 'date' || DOB.test(label) || DATE_PART.test(label))) ||
             (tag === 'SELECT' && (DOB.test(label) || DATE_PART.test(label)))) {
      methods.add('dob'); el.setAttribute('data-safehaven-dob', String(n++)); controls.push((tag === 'SELECT' ? 'select: ' : 'date field: ') + label);
    } else if (tag === 'IFRAME') { methods.add('frame'); controls.push('iframe: ' + (el.src || '')); }
    else if (tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'button' || (tag === 'INPUT' && ['submit', 'button'].includes(type))) {
      const name = nameOf(el);
      // on a gate page that keeps the site's header, the menu's "18+" link is no way in (the gate's own button is)
      const menuLink = gateEl === document.body && siteMenu(el);
      if (ENTER.test(name) && !LEAVE.test(name) && !menuLink) { el.setAttribute('data-safehaven-enter', '1'); controls.push('button: ' + name); }
      else if (name) controls.push('other: ' + name);
    }
  }
  const gateText = textOf(gateEl);
  if (DOC.test(gateText)) methods.add('document-words');
  if (controls.some((c) => c.startsWith('button: ')) && !methods.has('dob')) methods.add('button');
  const r = gateEl.getBoundingClientRect();
  // Content under the overlay: how much of the page lies outside the gate element. Header,
  // navigation, footer and cookie banner are the platform's frame, not its content.
  const CHROME = 'header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]';
  const COOKIE = /cookie|consent|gdpr|cmp-|onetrust|didomi/i;
  const isChrome = (el) => {
    if (el.matches(CHROME)) return true;
    const idc = (el.id || '') + ' ' + (typeof el.className === 'string' ? el.className : '') + ' ' + (el.getAttribute('aria-label') || '');
    if (COOKIE.test(idc)) return true;
    const cs = getComputedStyle(el);
    return (cs.position === 'fixed' || cs.position === 'sticky') && /cookie/i.test(el.innerText || '') && (el.innerText || '').length < 1200;
  };
  const chrome = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    if (el === gateEl || el.contains(gateEl) || gateEl.contains(el) || !visible(el)) continue;
    if (chrome.some((c) => c.contains(el))) continue;
    if (isChrome(el)) chrome.push(el);
  }
  const chromeChars = chrome.reduce((n, el) => n + textOf(el).length, 0);
  const outsideChars = Math.max(0, bodyText.length - gateText.length - chromeChars);
  let outsideLinks = 0;
  for (const a of document.querySelectorAll('a[href]')) {
    if (!gateEl.contains(a) && !chrome.some((c) => c.contains(a))) outsideLinks++;
  }
  // The text under the overlay, line by line (a short item page can hold its whole content in fewer
  // characters than the threshold above): compared in age_probe.py with the page's text after the gate.
  const outsideLines = [];
  if (kind === 'modal' && document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let n = walker.nextNode(); n && total < 4000; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || gateEl.contains(el) || el.closest('script, style, noscript, template')) continue;
      if (chrome.some((c) => c.contains(el)) || !visible(el)) continue;
      const t = clean(n.nodeValue);
      if (t) { outsideLines.push(t); total += t.length; }
    }
  }
  return {
    outside_lines: outsideLines,
    gate: true, kind, text: gateText.slice(0, 1500), controls: controls.slice(0, 30), methods: Array.from(methods),
    box: {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height},
    content_chars: kind === 'modal' ? outsideChars : 0, outside_links: kind === 'modal' ? outsideLinks : 0,
  };
}
