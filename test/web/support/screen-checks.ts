import { Page } from 'playwright-core';

/**
 * Words in Latin letters that may stand on a screen in any language: file formats, the
 * language switcher's own name for English, and the name of the app.
 */
const LATIN_ALLOWED = ['CSV', 'XLSX', 'API', 'UTC', 'Enter', 'English', 'Rights Ledger', 'TOTP'];

/** Texts that are data, not interface: identifiers, tokens, addresses, positions. */
const DATA = [
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^rl_[\w-]+$/,
  /^https?:\/\//,
];

/**
 * Every text a person can see or hear on the page: visible text nodes, and the labels, titles,
 * placeholders and alternative texts of elements (what a screen reader reads out). Run in the
 * page (a string: this file is compiled without the DOM's types).
 */
async function textsOf(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const texts = [];
    const shown = (el) => {
      const style = getComputedStyle(el);
      return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('script, style, code') || !shown(el)) continue;
      const text = (node.textContent || '').trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (el.closest('[aria-hidden=true]')) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const text = (el.getAttribute(name) || '').trim();
        if (text) texts.push(text);
      }
    }
    return texts;
  })()`);
}

/**
 * Texts on a screen in a language written in Cyrillic that still hold a word in Latin letters
 * (an English string the translation missed), besides the allowed words, identifiers and
 * `data`: what people typed that the test could not seed in Cyrillic (its users' names).
 */
export async function untranslatedTexts(page: Page, data: readonly string[]): Promise<string[]> {
  return (await textsOf(page)).filter((text) => {
    if (data.includes(text) || DATA.some((pattern) => pattern.test(text))) return false;
    let rest = text;
    for (const word of LATIN_ALLOWED) rest = rest.split(word).join(' ');
    return /[A-Za-z]{2,}/.test(rest);
  });
}

/** How far the page scrolls sideways at its current width (0: it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
  );
}

/**
 * What the page header cuts off: elements sticking out of it (a title wrapped onto lines the
 * bar has no room for, a control past the screen's edge) or whose own text is clipped (a
 * button showing half its label). Each as `tag "text"`.
 */
export async function clippedInHeader(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const header = document.querySelector('header');
    if (!header) return [];
    const bar = header.getBoundingClientRect();
    const found = [];
    for (const el of header.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const outside = box.bottom > bar.bottom + 1 || box.top < bar.top - 1 ||
        box.right > innerWidth + 1 || box.left < -1;
      const style = getComputedStyle(el);
      const clipped = style.overflow !== 'visible' && el.tagName !== 'SELECT' &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      if (outside || clipped)
        found.push(el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 30) + '"');
    }
    return found;
  })()`);
}
