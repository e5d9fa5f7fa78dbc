import { Locator, Page } from 'playwright-core';

type Scope = Page | Locator;

/** The page a scope belongs to (dropdowns open in a portal at the page's end). */
function pageOf(scope: Scope): Page {
  return 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
}

/** A control by its label, exactly, with or without the required-field asterisk. */
export function field(scope: Scope, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A Mantine Select labels its listbox too: the control is the input.
  return scope
    .getByLabel(new RegExp(`^${escaped}( \\*)?$`))
    .and(scope.locator('input:not([type=radio]):not([type=checkbox]), textarea'));
}

/** Picks an option of a Mantine Select (or MultiSelect) by its label, typing to search. */
export async function pick(scope: Scope, label: string, option: string): Promise<void> {
  const input = field(scope, label);
  await input.click();
  if ((await input.getAttribute('readonly')) === null) await input.fill(option);
  await pageOf(scope).getByRole('option', { name: option, exact: true }).click();
}

export async function type(scope: Scope, label: string, value: string): Promise<void> {
  await field(scope, label).fill(value);
}

/** The focused control: its label as a person tabbing through the form hears it, and kind. */
async function focused(page: Page): Promise<{ label: string; pickList: boolean }> {
  // Run in the page (a string: this file is compiled without the DOM's types).
  return page.evaluate<{ label: string; pickList: boolean }>(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { label: '', pickList: false };
    const label = el.labels && el.labels[0] ? el.labels[0].textContent : null;
    return {
      label: (label || el.getAttribute('aria-label') || el.textContent || '')
        .replace(/\\s*\\*$/, '').trim(),
      pickList: el.getAttribute('aria-haspopup') === 'listbox',
    };
  })()`);
}

/**
 * Presses Tab (and only Tab) until the control labelled `label` has the focus (a pick-list's
 * input when `pickList`, not a radio button of the same name): fails when the keyboard never
 * reaches it, as a person without a mouse would find.
 */
export async function tabTo(page: Page, label: string, pickList = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const now = await focused(page);
    if (now.label === label && (!pickList || now.pickList)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the keyboard never reaches "${label}" (last: "${(await focused(page)).label}")`);
}

/** Types into a field reached by the keyboard. */
export async function typeByKeyboard(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/** Picks an option of a searchable pick-list with the keyboard: type to search, arrow, Enter. */
export async function pickByKeyboard(page: Page, label: string, option: string): Promise<void> {
  await tabTo(page, label, true);
  await page.keyboard.type(option);
  await page.getByRole('option', { name: option, exact: true }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).waitFor({ state: 'hidden' });
}
