import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';

/** Debian's Chromium, never a downloaded one (test/support/chromium.ts). */
export const launchBrowser = launchChromium;

export interface ContextOptions {
  baseURL: string;
  /** The interface language the browser asks for first. */
  locale?: string;
  width?: number;
  /** A bearer token kept for the tab (scripts' way in; people sign in with a password). */
  token?: string;
}

export async function newContext(
  browser: Browser,
  options: ContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1280, height: 900 },
    acceptDownloads: true,
  });
  if (options.token !== undefined) {
    await context.addInitScript({
      content: `sessionStorage.setItem('rl.token', ${JSON.stringify(options.token)});`,
    });
  }
  return context;
}

/**
 * The page has stopped changing: no request for 500 ms (networkidle), then no change to the
 * DOM for `quietMs`. A fixed pause was not always enough on a loaded machine: Vega replaces the
 * dashboard's SVG as the chart's container settles, and axe once reported a violation on
 * ":root" there, which is how it names a node detached while it ran. A page that keeps
 * changing is taken as it is after 10 s.
 */
export async function settle(page: Page, quietMs = 300): Promise<void> {
  await page.waitForLoadState('networkidle');
  // In the page (a string: the tests are compiled without the DOM's types).
  await page.evaluate(`new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, ${quietMs});
    });
    const done = () => {
      observer.disconnect();
      clearTimeout(limit);
      resolve();
    };
    let timer = setTimeout(done, ${quietMs});
    const limit = setTimeout(done, 10000);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  })`);
}

/** Screenshots of every browser test land here (build output: not committed). */
export const SCREENSHOTS = join(__dirname, '../../../dist/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Serious and critical axe violations on the page as it stands, as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Translation keys asked for but missing in the page's language (collected by i18n.ts). */
export async function missingTranslations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (globalThis as { __missingTranslations?: string[] }).__missingTranslations ?? [],
  );
}

/** A download's bytes, as the person would save them. */
export async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
