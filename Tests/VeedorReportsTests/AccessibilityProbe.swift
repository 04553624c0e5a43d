/// WCAG 2.2 AA checks run inside each page laid out by headless Chromium (`BrowserLayoutTests`): each
/// finding names the rule and the element, and any finding fails the page.
///
/// - 1.4.3 contrast: every element with its own text has at least 4.5:1 against the background it is
///   drawn on (3:1 for large text: 24 px, or 18.66 px bold), colours and backgrounds as computed;
/// - 2.4.7 focus visible: every link and every focusable element, once focused, has an outline of at
///   least 2 px whose colour has 3:1 against the background;
/// - 2.1.1 keyboard: a region that scrolls sideways can be focused (`tabindex="0"`) and has a name;
/// - 1.3.1 structure: one `h1`, no heading level skipped, every table has column headers (`th` with
///   `scope`), every image and SVG picture has a text alternative, every link has text;
/// - 4.1.2 name: every `progress` and `meter` bar has a name (`aria-label`, `aria-labelledby`,
///   `title` or a `label`): its fallback content is not read as one;
/// - 3.1.1 language: `html` has a `lang`.
enum AccessibilityProbe {
  /// The script: it fills the array `a11y` with findings.
  static let script = """
    const a11y = [];
    const where = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
    const rgba = text => { const m = text.match(/[\\d.]+/g) || ['0','0','0','0']; return [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1]; };
    const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
    const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
    const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; } return [255, 255, 255, 1]; };
    if (!document.documentElement.lang) a11y.push('3.1.1 html has no lang');
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim() !== '');
      if (own) {
        const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
        const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        const r = ratio(rgba(style.color), background(el));
        if (r < need) a11y.push('1.4.3 contrast ' + r.toFixed(2) + ' < ' + need + ': ' + where(el));
      }
    }
    const focusable = [...document.querySelectorAll('a[href],button,input,select,textarea,summary,[tabindex]')].filter(e => e.tabIndex >= 0);
    // The focus style is read from the stylesheets' :focus and :focus-visible rules (a headless page
    // does not always hold the focus, so focusing an element cannot be relied on to apply them).
    const focusRules = [];
    for (const sheet of document.styleSheets) {
      let rules = [];
      try { rules = [...sheet.cssRules]; } catch (e) { a11y.push('stylesheet unreadable: ' + sheet.href); }
      for (const rule of rules) {
        if (!rule.selectorText || !rule.selectorText.includes(':focus')) continue;
        for (const part of rule.selectorText.split(',')) {
          if (!part.includes(':focus')) continue;
          focusRules.push({base: part.replace(/:focus(-visible)?/g, '').trim() || '*', style: rule.style});
        }
      }
    }
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const colour = text => { probe.style.color = ''; probe.style.color = text; return rgba(getComputedStyle(probe).color); };
    for (const el of focusable) {
      const visible = focusRules.some(r => el.matches(r.base) && r.style.outlineStyle && r.style.outlineStyle !== 'none'
        && (parseFloat(r.style.outlineWidth) || 0) >= 2 && ratio(colour(r.style.outlineColor || 'currentcolor'), background(el.parentElement || el)) >= 3);
      if (!visible) a11y.push('2.4.7 focus not visible: ' + where(el));
    }
    probe.remove();
    for (const el of document.querySelectorAll('body *')) {
      if (!['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      if (el.tabIndex < 0) a11y.push('2.1.1 a region that scrolls sideways cannot be focused: ' + where(el));
      else if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) a11y.push('2.1.1 a scroll region has no name: ' + where(el));
    }
    const h1 = document.querySelectorAll('h1').length;
    if (h1 !== 1) a11y.push('1.3.1 ' + h1 + ' h1 headings');
    let last = 0;
    for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
      const level = +h.tagName[1];
      if (level > last + 1) a11y.push('1.3.1 heading level skipped: h' + last + ' then ' + where(h));
      last = level;
    }
    for (const table of document.querySelectorAll('table')) {
      const heads = table.querySelectorAll('th');
      if (heads.length === 0) a11y.push('1.3.1 table without headers: ' + where(table));
      for (const th of heads) if (!th.getAttribute('scope')) { a11y.push('1.3.1 th without scope: ' + where(th)); break; }
    }
    for (const img of document.querySelectorAll('img')) if (img.getAttribute('alt') === null) a11y.push('1.1.1 img without alt: ' + where(img));
    for (const svg of document.querySelectorAll('svg')) if (svg.getAttribute('aria-hidden') !== 'true' && !svg.getAttribute('aria-label') && !svg.querySelector('title')) a11y.push('1.1.1 svg without a text alternative: ' + where(svg));
    for (const bar of document.querySelectorAll('progress,meter')) if (!bar.getAttribute('aria-label') && !bar.getAttribute('aria-labelledby') && !bar.getAttribute('title') && bar.labels.length === 0) a11y.push('4.1.2 progress bar without a name: ' + where(bar));
    for (const a of document.querySelectorAll('a[href]')) if (!(a.textContent || '').trim() && !a.getAttribute('aria-label')) a11y.push('2.4.4 link without text: ' + where(a));
    """
}
