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
