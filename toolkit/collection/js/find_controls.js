// Find controls whose accessible name, text, title, aria-label or icon matches a pattern, in the
// document and its open shadow roots. Marks each with data-safehaven-mark="<tag>-<n>" so Playwright
// can click it (CSS locators pierce open shadow roots). `p` = {pattern, icon, tag, visibleOnly}.
(p) => {
  const re = new RegExp(p.pattern, 'i');
  const iconRe = p.icon ? new RegExp(p.icon, 'i') : null;
  const cueRe = p.cue ? new RegExp(p.cue, 'i') : null;
  const CLICKABLE = 'a[href],button,[role=button],[role=menuitem],[role=link],input[type=submit],input[type=button],summary,[onclick],[tabindex]';
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const visible = (el) => {
    if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const name = (el) => clean(el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') ||
    (el.querySelector && el.querySelector('[aria-label],img[alt],svg title') &&
      (el.querySelector('[aria-label]')?.getAttribute('aria-label') || el.querySelector('img[alt]')?.alt ||
       el.querySelector('svg title')?.textContent)) || '');
  const iconOf = (el) => [el.className && String(el.className.baseVal !== undefined ? el.className.baseVal : el.className),
    ...Array.from(el.querySelectorAll ? el.querySelectorAll('[class],use,img') : []).slice(0, 5).map((i) =>
      [i.getAttribute('class'), i.getAttribute('href'), i.getAttribute('xlink:href'), i.getAttribute('src')].join(' '))].join(' ');
  function* all(root) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* all(el.shadowRoot);
    }
  }
  // A link inside a sentence ("see our rules on how to report") is prose, not a control.
  const inProse = (el) => {
    if (el.tagName !== 'A') return false;
    const block = el.closest('p, li, td, dd, blockquote');
    if (!block) return false;
    return clean(block.innerText).length > clean(el.innerText).length + 40;
  };
  // A short link in a short line that asks whether something is wrong with the item ("Er klopt iets niet? Laat het ons
  // weten"): the line names what the link is for.
  const cued = (el) => {
    if (el.tagName !== 'A' || !el.getAttribute('href')) return false;
    const own = clean(el.innerText);
    if (!own || own.split(' ').length > 6) return false;
    const block = el.closest('p, li, dd, td, div, small');
    const text = block ? clean(block.innerText) : own;
    return text.length <= 160 && cueRe.test(text);
  };
  // A span or div that scripts made clickable (cursor: pointer), with a short name of its own: askbot's
  // <span class="action-link with-flag-icon">flag offensive</span>. The innermost one, not its wrappers.
  const actsAsButton = (el) => {
    if (el.children.length > 3 || !['SPAN', 'DIV', 'LI', 'I', 'LABEL'].includes(el.tagName)) return false;
    const t = clean(el.textContent);
    if (!t || t.length > 60 || !re.test(t)) return false;
    if (Array.from(el.children).some((c) => re.test(clean(c.textContent)))) return false;
    if (el.parentElement && el.parentElement.closest(CLICKABLE)) return false;
    return getComputedStyle(el).cursor === 'pointer';
  };
  // A <header> or <footer> inside an article, aside or main is that piece's own (a profile card's header with
  // its "⋯" menu, a post's footer with "Report"), not the site's banner or footer (HTML-AAM: only a header or
  // footer not scoped to such an element is the banner / contentinfo).
  const scoped = (x) => {
    for (let a = x.parentNode || x.host; a; a = a.parentNode || a.host) {
      if (a.nodeType !== 1) continue;
      const r = a.getAttribute('role');
      if (['ARTICLE', 'ASIDE', 'MAIN'].includes(a.tagName) || ['article', 'complementary', 'main'].includes(r)) return true;
    }
    return false;
  };
  // tabindex alone makes an element focusable, not a control: single-page apps put tabindex="-1" on <main> or a
  // heading to move focus there after a route change, and a landmark's name would be the whole page's text.
  const OWN_CONTROL = 'a[href],button,[role=button],[role=menuitem],[role=link],input[type=submit],input[type=button],summary,[onclick]';
  const focusTargetOnly = (el) => el.hasAttribute('tabindex') && !el.matches(OWN_CONTROL) &&
    (el.tabIndex < 0 || /^(MAIN|ARTICLE|SECTION|ASIDE|NAV|HEADER|FOOTER|BODY|FORM|H[1-6])$/.test(el.tagName));
  const out = [];
  for (const el of all(document)) {
    const isSelect = el.tagName === 'SELECT';
    if (!isSelect && (!el.matches(CLICKABLE) || focusTargetOnly(el)) && !actsAsButton(el)) continue;
    // A select whose options are report reasons ("Spam", "Inappropriate") is an inline report form.
    const nm = isSelect ? clean(Array.from(el.options).map((o) => o.textContent).join(' | ')).slice(0, 300) : name(el);
    const label = [nm, el.getAttribute('title') || '', el.getAttribute('aria-label') || ''].join(' ');
    const byName = re.test(label);
    const byIcon = !byName && iconRe && !clean(el.innerText) && iconRe.test(iconOf(el));
    const byCue = !byName && !byIcon && cueRe && cued(el);
    if (!byName && !byIcon && !byCue) continue;
    const vis = visible(el);
    if (p.visibleOnly && !vis) continue;
    let region = null;
    for (let x = el; x; x = x.parentNode || x.host) {
      if (x.nodeType !== 1) continue;
      const t = x.tagName, role = x.getAttribute('role');
      if ((t === 'FOOTER' || t === 'HEADER') && !role && scoped(x)) continue;
      if (t === 'FOOTER' || role === 'contentinfo') { region = 'footer'; break; }
      if (t === 'NAV' || role === 'navigation') { region = 'nav'; break; }
      if (t === 'HEADER' || role === 'banner') { region = 'header'; break; }
    }
    // Keep an element's mark across calls, so a control found by one search can still be clicked after another.
    let mark = el.getAttribute('data-safehaven-mark');
    if (!mark) {
      window.__safehavenMarks = (window.__safehavenMarks || 0) + 1;
      mark = p.tag + '-' + window.__safehavenMarks;
      el.setAttribute('data-safehaven-mark', mark);
    }
    const r = el.getBoundingClientRect();
    // A submit button or select of a form on the page: the form itself is the report route (never submitted).
    const form = el.closest('form');
    const submits = form && (isSelect || (el.tagName === 'BUTTON' && (el.getAttribute('type') || 'submit') === 'submit') ||
                             (el.tagName === 'INPUT' && ['submit', 'image'].includes(el.type)));
    let formMark = null;
    // Only a form that would write (POST) or that asks something (a reason to pick): a GET button is a link.
    const asks = form && form.querySelector('select, textarea, input[type=radio], input[type=checkbox]');
    if (submits && ((form.getAttribute('method') || 'get').toLowerCase() === 'post' || asks)) {
      formMark = form.getAttribute('data-safehaven-form');
      if (!formMark) {
        window.__safehavenForms = (window.__safehavenForms || 0) + 1;
        formMark = 'f' + window.__safehavenForms;
        form.setAttribute('data-safehaven-form', formMark);
      }
    }
    out.push({
      in_form: formMark, prose: inProse(el),
      mark, name: nm.slice(0, 200), tag: el.tagName.toLowerCase(), href: el.href ? String(el.href) : null,
      visible: vis, how: byName ? 'name' : (byIcon ? 'icon' : 'cue'), in_shadow: el.getRootNode() !== document, region,
      // a native popover's or dialog's invoker (popovertarget, commandfor) opens what it names, as aria-haspopup says
      haspopup: el.getAttribute('aria-haspopup') || (el.hasAttribute('popovertarget') || el.hasAttribute('commandfor') ? 'popover' : ''),
      expanded: el.getAttribute('aria-expanded') || '',
      box: {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height},
    });
  }
  return out;
}
