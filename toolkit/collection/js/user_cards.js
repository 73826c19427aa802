// User cards and popovers: what opens IN PLACE when a visitor clicks an author's name or avatar on an item page.
// One function, three modes (`p.mode`):
//   'find'   the author names and avatars that may open something, each marked data-safehaven-card="<n>":
//            an element marked as an author (class, id, itemprop, rel or data-* attribute matching p.markers, on it,
//            on an image inside it or on one of its three nearest ancestors), or any link (the caller keeps the
//            links to member profiles); headers, navigation, footers, forms and open dialogs are left out.
//   'before' remember every element (open shadow roots included) and which are visible, just before the click.
//   'after'  the new visible nodes since 'before' (added, or shown where they were hidden): their text, their
//            controls (buttons and links by accessible name) and the role of the container that opened.
// Nothing here clicks or sends; the caller clicks the marked element.
(p) => {
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const shown = (el) => {
    if (el.checkVisibility) return el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
    const s = getComputedStyle(el);
    return s.display !== 'none' && s.visibility !== 'hidden' && s.opacity !== '0';
  };
  const sized = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const up = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
  function* all(root) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* all(el.shadowRoot);
    }
  }
  const region = (el) => {
    for (let x = el; x; x = up(x)) {
      const t = x.tagName, role = x.getAttribute && x.getAttribute('role');
      if (t === 'FOOTER' || role === 'contentinfo') return 'footer';
      if (t === 'NAV' || role === 'navigation') return 'nav';
      if (t === 'HEADER' || role === 'banner') return 'header';
    }
    return null;
  };
  const name = (el) => clean(el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') ||
    (el.querySelector && (el.querySelector('img[alt]')?.alt || el.querySelector('[aria-label]')?.getAttribute('aria-label')
      || el.querySelector('svg title')?.textContent)) || '');
  // The page's visible text, open shadow roots included (a body's innerText leaves them out)
  const textLength = () => {
    let n = (document.body && document.body.innerText || '').length;
    for (const el of all(document)) if (el.shadowRoot) for (const c of el.shadowRoot.children) n += (c.innerText || '').length;
    return n;
  };
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; };

  if (p.mode === 'find') {
    const marker = new RegExp(p.markers, 'i'), anti = new RegExp(p.anti, 'gi');
    const CLICK = 'a, button, [role=button], [role=link], [onclick], [tabindex], [aria-haspopup], [aria-expanded]';
    const marked = (el) => {
      if (!el || !el.getAttribute) return false;
      const attrs = [el.id, el.getAttribute('class'), el.getAttribute('itemprop'), el.getAttribute('rel')];
      for (const a of el.attributes) if (a.name.startsWith('data-')) attrs.push(a.name.slice(5));
      return attrs.some((a) => a && marker.test(String(a).replace(anti, ' ')));
    };
    const author = (el) => {
      if (marked(el)) return true;
      if (Array.from(el.querySelectorAll('img, svg, [class]')).slice(0, 4).some(marked)) return true;
      let x = up(el);
      for (let i = 0; i < 3 && x; i++, x = up(x)) if (marked(x)) return true;
      return false;
    };
    const out = [];
    let n = 0;
    for (const el of all(document)) {
      if (!el.matches(CLICK) || (el.parentElement && el.parentElement.closest('a, button'))) continue;
      if (el.closest('form, dialog, [role=dialog], [aria-modal=true]') || !shown(el) || !sized(el) || region(el)) continue;
      const href = el.tagName === 'A' ? (el.getAttribute('href') || '') : '';
      const isAuthor = author(el);
      const inplace = el.tagName !== 'A' || !href || href.startsWith('#') || /^javascript:/i.test(href) ||
        el.hasAttribute('aria-haspopup') || el.hasAttribute('aria-expanded') ||
        Array.from(el.attributes).some((a) => /^data-.*(card|popover|popup|toggle)/i.test(a.name));
      if (!isAuthor && !(el.tagName === 'A' && href && !inplace)) continue;  // other links: the caller keeps profiles
      const nm = name(el);
      if (nm.length > 80) continue;
      let mark = el.getAttribute('data-safehaven-card');
      if (!mark) { mark = String(++n + (window.__safehavenCards || 0)); el.setAttribute('data-safehaven-card', mark); }
      const data = {};
      for (const a of el.attributes) if (a.name.startsWith('data-') && !a.name.startsWith('data-safehaven')) data[a.name] = a.value.slice(0, 80);
      out.push({mark, name: nm, tag: el.tagName.toLowerCase(), href: el.href ? String(el.href) : null, author: isAuthor,
                inplace, in_shadow: el.getRootNode() !== document, haspopup: el.getAttribute('aria-haspopup') || '',
                data, box: box(el)});
      if (out.length >= 80) break;
    }
    window.__safehavenCards = (window.__safehavenCards || 0) + n;
    return out;
  }

  if (p.mode === 'before') {
    const known = new WeakSet(), vis = new WeakSet();
    let count = 0;
    for (const el of all(document)) { known.add(el); if (shown(el)) vis.add(el); count++; }
    window.__safehavenBefore = {known, vis, text: textLength()};
    return count;
  }

  // 'after': the topmost new visible nodes
  const before = window.__safehavenBefore;
  if (!before) return null;
  const fresh = (el) => el && el.nodeType === 1 && shown(el) && (!before.known.has(el) || !before.vis.has(el));
  const roots = [];
  for (const el of all(document)) {
    if (!fresh(el) || fresh(up(el)) || !sized(el) || region(el)) continue;
    if (['SCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT'].includes(el.tagName)) continue;
    roots.push(el);
  }
  const text = roots.map((r) => (r.innerText || '').trim()).filter(Boolean).join('\n').slice(0, 4000);
  const controls = [];
  const CONTROL = 'a[href], button, [role=button], [role=menuitem], [role=link], input[type=submit], input[type=button], summary';
  for (const r of roots) {
    const inside = [r, ...all(r)];
    if (r.shadowRoot) inside.push(...all(r.shadowRoot));
    for (const el of inside) {
      if (!el.matches || !el.matches(CONTROL) || !shown(el)) continue;
      const attrs = {};
      for (const k of ['aria-label', 'title', 'aria-haspopup', 'class']) if (el.getAttribute(k)) attrs[k] = el.getAttribute(k).slice(0, 120);
      controls.push({tag: el.tagName.toLowerCase(), role: el.getAttribute('role'), name: name(el).slice(0, 200),
                     text: clean(el.innerText).slice(0, 200), href: el.href ? String(el.href) : null, attrs,
                     visible: sized(el), box: box(el), in_shadow: el.getRootNode() !== document, region: 'dialog'});
      if (controls.length >= 40) break;
    }
  }
  const roleOf = (r) => r.tagName === 'DIALOG' ? 'dialog' : (r.getAttribute('role') ||
    (r.querySelector('[role=dialog], [role=menu], [role=tooltip]') || {getAttribute: () => ''}).getAttribute('role') || '');
  const first = roots[0];
  const bodyText = textLength();
  return {text, controls, roots: roots.length, role: roots.map(roleOf).find(Boolean) || '',
          box: first ? (() => { const r = first.getBoundingClientRect(); return {x: r.left, y: r.top, width: r.width, height: r.height}; })() : null,
          share: bodyText ? text.length / bodyText : 0, before_text: before.text};
}
