// Inventory of one document (or frame): interactive elements, forms, visible text, scripts and frames.
// Walks open shadow roots. Runs inside the page; returns plain JSON.
() => {
  const MAX_ELEMENTS = 2500;
  const INTERACTIVE = 'a[href],area[href],button,input,select,textarea,summary,' +
    '[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[onclick],' +
    '[aria-haspopup],[tabindex]:not([tabindex="-1"])';
  const FIELD = 'input,select,textarea';
  const sx = window.scrollX, sy = window.scrollY;

  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const textOf = (el) => clean(el.innerText !== undefined ? el.innerText : el.textContent);

  function isVisible(el) {
    if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  }
  function box(el) {
    const r = el.getBoundingClientRect();
    return {x: r.left + sx, y: r.top + sy, width: r.width, height: r.height};
  }
  function byIds(el, ids) {
    const root = el.getRootNode();
    return (ids || '').split(/\s+/).filter(Boolean).map((id) => {
      const n = root.getElementById ? root.getElementById(id) : document.getElementById(id);
      return n ? textOf(n) : '';
    }).join(' ').trim();
  }
  // A date of birth split over day / month / year fields, an age checkbox without a <label>: the
  // field's own label says little ("Day", nothing), so the words around it (a fieldset legend, the
  // table row's heading, the text before the group, the text after a checkbox) are added.
  const DATE_PART = /\b(day|month|year|dag|maand|jaar|dd|mm|yy|yyyy|jjjj|jj)\b/i;
  function textBefore(el) {
    let n = el;
    for (let depth = 0; n && depth < 4; depth++, n = n.parentElement) {
      for (let s = n.previousSibling; s; s = s.previousSibling) {
        if (s.nodeType === 3) { const t = clean(s.textContent); if (t) return t.slice(-120); continue; }
        if (s.nodeType !== 1 || ['SCRIPT', 'STYLE', 'BR'].includes(s.tagName)) continue;
        if (s.matches('input, select, textarea, button') || s.querySelector('input, select, textarea')) continue;
        const t = textOf(s);
        if (t) return t.slice(-120);
      }
      if (n.parentElement && n.parentElement.matches('form, fieldset, body')) break;
    }
    return '';
  }
  function textAfter(el) {
    for (let s = el.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 3) { const t = clean(s.textContent); if (t) return t.slice(0, 160); continue; }
      if (s.nodeType !== 1 || s.matches('input, select, textarea, button')) break;
      const t = textOf(s);
      if (t) return t.slice(0, 160);
    }
    return '';
  }
  function contextOf(el) {
    const fs = el.closest('fieldset');
    const legend = fs && fs.querySelector('legend');
    if (legend && textOf(legend)) return textOf(legend);
    const group = el.closest('[role=group]');
    if (group) {
      const g = byIds(group, group.getAttribute('aria-labelledby')) || group.getAttribute('aria-label');
      if (g) return clean(g);
    }
    const cell = el.closest('td, th');
    if (cell) {
      const row = cell.parentElement;
      const head = row && Array.from(row.children).find((c) => c !== cell && c.tagName === 'TH');
      if (head && textOf(head)) return textOf(head);
      const prevCell = cell.previousElementSibling;
      if (prevCell && !prevCell.querySelector('input, select, textarea') && textOf(prevCell)) return textOf(prevCell).slice(0, 120);
      const table = cell.closest('table');
      const idx = Array.from(row ? row.children : []).indexOf(cell);
      const headRow = table && table.querySelector('thead tr, tr');
      if (headRow && headRow !== row && headRow.children[idx] && textOf(headRow.children[idx])) return textOf(headRow.children[idx]);
    }
    return textBefore(el);
  }
  function labelOf(el) {
    const own = ownLabel(el);
    if (el.type === 'hidden' || !el.matches('input, select')) return own;
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (type === 'checkbox' && !own) return textAfter(el) || contextOf(el);
    const desc = own + ' ' + (el.getAttribute('name') || '') + ' ' + (el.getAttribute('placeholder') || '');
    if ((!own || (own.length <= 24 && DATE_PART.test(desc))) && !['submit', 'button', 'reset', 'image', 'radio', 'checkbox'].includes(type)) {
      if (own || DATE_PART.test(desc) || el.tagName === 'SELECT' || type === 'date' || type === 'number') {
        const ctx = contextOf(el);
        if (ctx && !ctx.includes(own)) return clean(ctx + ' ' + own).slice(0, 300);
        if (ctx) return ctx.slice(0, 300);
      }
    }
    return own;
  }
  function ownLabel(el) {
    const fromIds = byIds(el, el.getAttribute('aria-labelledby'));
    if (fromIds) return fromIds;
    const al = el.getAttribute('aria-label');
    if (al && al.trim()) return al.trim();
    const root = el.getRootNode();
    if (el.id && root.querySelector) {
      const l = root.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (l) return textOf(l);
    }
    const wrap = el.closest('label');
    if (wrap) {
      const copy = wrap.cloneNode(true);
      copy.querySelectorAll('select, textarea, option, input').forEach((n) => n.remove());
      return clean(copy.textContent);
    }
    if (el.type === 'hidden') return '';
    const fs = el.closest('fieldset');
    const legend = fs && fs.querySelector('legend');
    const prev = el.previousElementSibling;
    if (prev && ['LABEL', 'SPAN', 'P', 'STRONG', 'B'].includes(prev.tagName) && textOf(prev).length < 120) return textOf(prev);
    if (legend) return textOf(legend);
    return el.getAttribute('title') || '';
  }
  function accName(el) {
    const fromIds = byIds(el, el.getAttribute('aria-labelledby'));
    if (fromIds) return fromIds;
    const al = el.getAttribute('aria-label');
    if (al && al.trim()) return al.trim();
    const tag = el.tagName;
    if (tag === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type)) return el.value || '';
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return labelOf(el) || el.getAttribute('placeholder') || '';
    if (tag === 'IMG') return el.alt || el.title || '';
    let t = textOf(el);
    if (!t) {
      const inner = el.querySelector('img[alt],[aria-label],svg title');
      if (inner) t = inner.getAttribute('alt') || inner.getAttribute('aria-label') || inner.textContent || '';
    }
    if (!t) t = el.getAttribute('title') || '';
    return clean(t).slice(0, 300);
  }
  function implicitRole(el) {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.tagName;
    if (tag === 'A' || tag === 'AREA') return el.hasAttribute('href') ? 'link' : null;
    if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
    if (tag === 'SELECT') return 'combobox';
    if (tag === 'TEXTAREA') return 'textbox';
    if (tag === 'INPUT') {
      const t = el.type;
      if (['submit', 'button', 'reset', 'image'].includes(t)) return 'button';
      if (t === 'checkbox' || t === 'radio') return t;
      if (t === 'hidden') return null;
      return 'textbox';
    }
    return null;
  }
  // A header or footer inside an article, aside or main belongs to that piece, not to the whole site (HTML-AAM).
  function scopedPart(n) {
    for (let a = n.parentNode || n.host; a; a = a.parentNode || a.host) {
      if (a.nodeType !== 1) continue;
      const r = a.getAttribute('role');
      if (['ARTICLE', 'ASIDE', 'MAIN'].includes(a.tagName) || ['article', 'complementary', 'main'].includes(r)) return true;
    }
    return false;
  }
  function region(el) {
    let n = el;
    while (n) {
      if (n.nodeType === 1) {
        const tag = n.tagName, role = n.getAttribute('role');
        if ((tag === 'HEADER' || tag === 'FOOTER') && !role && scopedPart(n)) { n = n.parentNode || n.host || null; continue; }
        if (tag === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || n.getAttribute('aria-modal') === 'true') return 'dialog';
        if (tag === 'NAV' || role === 'navigation') return 'nav';
        if (tag === 'FOOTER' || role === 'contentinfo') return 'footer';
        if (tag === 'HEADER' || role === 'banner') return 'header';
        if (tag === 'ASIDE' || role === 'complementary') return 'aside';
        if (tag === 'MAIN' || role === 'main') return 'main';
      }
      n = n.parentNode || n.host || null;
    }
    return null;
  }
  const ATTRS = ['id', 'class', 'title', 'aria-label', 'aria-haspopup', 'aria-expanded', 'aria-controls',
    'type', 'value', 'name', 'data-action', 'data-testid', 'target', 'rel', 'onclick'];
  function attrs(el) {
    const out = {};
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v !== null && v !== '') out[a] = String(v).slice(0, 200);
    }
    const icon = el.querySelector && el.querySelector('svg use, i[class], span[class*=icon], img');
    if (icon) {
      const iconDesc = [icon.getAttribute('class'), icon.getAttribute('href'), icon.getAttribute('xlink:href'),
        icon.getAttribute('src'), icon.getAttribute('alt')].filter(Boolean).join(' ');
      if (iconDesc) out.icon = iconDesc.slice(0, 200);
    }
    return out;
  }


  // What kind of page this is by its content: structured data (JSON-LD, microdata, Open Graph), the canonical
  // link, and the shape of the main content (authors, dates, post bodies, prices, photos, a contact block).
  function pageSignals() {
    const types = new Set();
    const addType = (t) => {
      for (const x of [].concat(t || [])) {
        const v = String(x).split(/[/#]/).pop().trim();
        if (v) types.add(v);
      }
    };
    const walkLd = (node, depth) => {
      if (!node || depth > 6) return;
      if (Array.isArray(node)) { node.slice(0, 50).forEach((n) => walkLd(n, depth + 1)); return; }
      if (typeof node !== 'object') return;
      addType(node['@type']);
      // Not 'author' or 'publisher': an article's author is a Person, but the page is not a profile.
      for (const k of ['@graph', 'mainEntity', 'itemOffered']) walkLd(node[k], depth + 1);
    };
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      try { walkLd(JSON.parse(s.textContent || ''), 0); } catch (e) { /* not JSON */ }
    }
    // Microdata types with how often they occur (one Product is an item page; twenty are a listing).
    const microdata = {};
    for (const el of document.querySelectorAll('[itemtype]')) {
      for (const t of (el.getAttribute('itemtype') || '').split(/\s+/)) {
        const v = t.split(/[/#]/).pop().trim();
        if (v) microdata[v] = (microdata[v] || 0) + 1;
      }
    }
    const meta = (prop) => {
      const m = document.querySelector(`meta[property="${prop}"], meta[name="${prop}"]`);
      return m ? clean(m.getAttribute('content')) : '';
    };
    const canon = document.querySelector('link[rel~="canonical"][href]');
    const main = document.querySelector('main, [role=main], #main, #content, .content') || document.body;
    const count = (sel) => { try { return main ? main.querySelectorAll(sel).length : 0; } catch (e) { return 0; } };
    const mainText = main ? clean(main.innerText || '').slice(0, 20000) : '';
    const photos = main ? Array.from(main.querySelectorAll('img')).filter((i) => {
      const r = i.getBoundingClientRect();
      return r.width >= 120 && r.height >= 90;
    }).length : 0;
    const price = /(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|USD|GBP|euro)\b)/i.test(mainText);
    const authors = count('[itemprop=author], [rel=author], .author, .username, .poster, .post-author, [class*="author"], ' +
                          '[class*="username"], [class*="user-name"]');
    const dates = count('time, [itemprop=datePublished], [itemprop=dateCreated], [class*="date"], [class*="posted"]');
    const posts = count('article, [itemprop=articleBody], [itemprop=text], [class~=post], [class*="post-body"], ' +
                        '[class*="post-content"], [class*="postbody"], [class*="message-body"], [class*="comment-body"], ' +
                        '[class*="answer"], [class*="question"]');
    const contact = count('a[href^="tel:"], a[href^="mailto:"], a[href^="sms:"], a[href*="wa.me"], ' +
                          '[class*="contact"], [class*="seller"], [class*="phone"]');
    return {
      types: Array.from(types).slice(0, 30), microdata, og_type: meta('og:type').slice(0, 60),
      canonical: canon ? String(canon.href).slice(0, 500) : '',
      shape: {authors, dates, posts, photos, price, contact, main_chars: mainText.length,
              headings: count('h1, h2, h3')},
    };
  }

  const elements = [];
  const forms = [];
  const orphanFields = new Map();  // container -> fields without a <form>
  const shadowTexts = [];
  // Text of collapsed disclosure panels (a closed <details>, an accordion answer whose button says
  // aria-expanded="false"): not rendered, so innerText leaves it out, but a reader opens it with one click.
  const collapsedTexts = [];
  const collapsedSeen = new Set();
  const BLOCK = /^(P|LI|DIV|H[1-6]|TR|TD|TH|UL|OL|DL|DT|DD|TABLE|SECTION|ARTICLE|BLOCKQUOTE|PRE|BR|SUMMARY)$/;
  function blockText(node) {
    let out = '';
    for (const c of node.childNodes) {
      if (c.nodeType === 3) out += c.textContent;
      else if (c.nodeType === 1 && !/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(c.tagName)) {
        const block = BLOCK.test(c.tagName);
        out += (block ? '\n' : '') + blockText(c) + (block ? '\n' : '');
      }
    }
    return out;
  }
  function collapsed(panel, isDetails) {
    if (!panel || collapsedSeen.has(panel) || (!isDetails && isVisible(panel))) return;
    collapsedSeen.add(panel);
    const parts = Array.from(panel.childNodes).filter((c) => !(isDetails && c.tagName === 'SUMMARY'));
    const t = parts.map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 ? '\n' + blockText(c) + '\n' : ''))
      .join('').split('\n').map(clean).filter(Boolean).join('\n');
    if (t) collapsedTexts.push(t.slice(0, 20000));
  }
  const seen = new Set();

  function recordElement(el, inShadow) {
    if (seen.has(el) || elements.length >= MAX_ELEMENTS) return;
    seen.add(el);
    if (el.tagName === 'INPUT' && el.type === 'hidden') return;
    const href = el.tagName === 'A' || el.tagName === 'AREA' ? (el.href || el.getAttribute('href')) : null;
    elements.push({
      tag: el.tagName.toLowerCase(), role: implicitRole(el), name: accName(el),
      text: textOf(el).slice(0, 300), href: href ? String(href) : null, attrs: attrs(el),
      visible: isVisible(el), box: box(el), in_shadow: inShadow, region: region(el),
    });
  }
  function fieldOf(el) {
    const tag = el.tagName.toLowerCase();
    const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : tag;
    const options = tag === 'select' ? Array.from(el.options).map((o) => clean(o.textContent)).filter(Boolean) : [];
    if (type === 'radio' || type === 'checkbox') options.push(labelOf(el));
    return {
      tag, name: el.getAttribute('name') || el.id || '', label: clean(labelOf(el)).slice(0, 300), type,
      required: el.required || el.getAttribute('aria-required') === 'true',
      options: options.slice(0, 80), value: type === 'password' ? '' : String(el.value || '').slice(0, 500),
      placeholder: el.getAttribute('placeholder') || '', visible: type === 'hidden' ? false : isVisible(el),
    };
  }
  function formName(formEl) {
    const named = byIds(formEl, formEl.getAttribute('aria-labelledby')) || formEl.getAttribute('aria-label');
    if (named) return clean(named).slice(0, 200);
    const heading = formEl.querySelector('h1,h2,h3,h4,legend');
    if (heading) return textOf(heading).slice(0, 200);
    let n = formEl.previousElementSibling;
    for (let i = 0; n && i < 3; i++, n = n.previousElementSibling) {
      if (/^H[1-4]$/.test(n.tagName)) return textOf(n).slice(0, 200);
    }
    return formEl.getAttribute('name') || formEl.id || '';
  }
  function recordForm(formEl, inShadow) {
    const fields = Array.from(formEl.querySelectorAll(FIELD)).map(fieldOf);
    const submits = Array.from(formEl.querySelectorAll('button, input[type=submit], input[type=image], [role=button]'))
      .map(accName).filter(Boolean);
    forms.push({
      action: formEl.getAttribute('action') ? formEl.action : null, method: (formEl.getAttribute('method') || 'get').toLowerCase(),
      name: formName(formEl), fields, submit_labels: submits,
      box: box(formEl), in_shadow: inShadow,
    });
  }
  function walk(root, inShadow) {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(INTERACTIVE)) recordElement(el, inShadow);
      else if (el.children.length <= 3 && (el.getAttribute('title') || el.getAttribute('aria-label')) &&
               getComputedStyle(el).cursor === 'pointer') recordElement(el, inShadow);
      // Script-driven action links (<span class="action-link">flag offensive</span>): short text, pointer cursor.
      else if (el.children.length <= 3 && /action|btn|button|link|flag|report|menu-item/i.test(String(el.className)) &&
               (el.textContent || '').trim().length <= 40 && (el.textContent || '').trim() &&
               !(el.parentElement && el.parentElement.closest(INTERACTIVE)) &&
               getComputedStyle(el).cursor === 'pointer') recordElement(el, inShadow);
      if (el.tagName === 'FORM') recordForm(el, inShadow);
      else if (el.matches(FIELD) && !el.closest('form')) {
        const container = el.closest('[role=form], [role=dialog], section, article, aside, div') || root;
        if (!orphanFields.has(container)) orphanFields.set(container, {inShadow, fields: []});
        orphanFields.get(container).fields.push(el);
      }
      if (el.tagName === 'DETAILS' && !el.open) collapsed(el, true);
      else if (el.getAttribute('aria-expanded') === 'false' && el.getAttribute('aria-controls') && root.getElementById) {
        for (const id of el.getAttribute('aria-controls').split(/\s+/)) collapsed(root.getElementById(id), false);
      }
      if (el.shadowRoot) {
        // innerText of an element that is not rendered (a closed dialog) is its whole textContent: skip those.
        const t = Array.from(el.shadowRoot.children).filter(isVisible).map((c) => c.innerText || '').join('\n').trim();
        if (t) shadowTexts.push(t);
        walk(el.shadowRoot, true);
      }
    }
  }
  walk(document, false);

  for (const [container, group] of orphanFields) {
    const buttons = container.querySelectorAll ? Array.from(container.querySelectorAll('button, [role=button], input[type=submit]')) : [];
    forms.push({
      action: null, method: 'js', name: container.getAttribute ? (container.getAttribute('aria-label') || '') : '',
      fields: group.fields.map(fieldOf), submit_labels: buttons.map(accName).filter(Boolean),
      box: container.getBoundingClientRect ? box(container) : null, in_shadow: group.inShadow,
    });
  }

  const scripts = Array.from(document.scripts).map((s) => s.src).filter(Boolean);
  const iframes = Array.from(document.querySelectorAll('iframe')).map((f) => ({
    src: f.src || '', title: f.title || '', name: f.name || '', box: box(f), visible: isVisible(f),
  }));
  const body = document.body;
  let text = body ? body.innerText || '' : '';
  const signals = pageSignals();
  if (shadowTexts.length) text += '\n' + shadowTexts.join('\n');
  if (collapsedTexts.length) text += '\n' + collapsedTexts.join('\n');
  return {
    title: document.title || '', lang: document.documentElement.lang || '',
    text, elements, forms, scripts, iframes, signals,
    page_height: Math.max(body ? body.scrollHeight : 0, document.documentElement.scrollHeight),
  };
}
