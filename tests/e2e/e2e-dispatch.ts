import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** A button's accessible name: antd may put a space between the two characters of a two-character label. */
export const label = (text: string) => new RegExp(`^(loading )?${[...text].join('\\s?')}$`);

/**
 * Opens a (Tree)Select and clicks each option by its text. A multiple select's dropdown stays open
 * and is closed with Escape (a single one closes itself; Escape would close the drawer around it).
 */
export async function pickAll(page: Page, select: Locator, options: string[]): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const option of options) await dropdown.getByText(option, { exact: true }).last().click();
  if (options.length > 1) await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** A day `days` from now as county staff write it (Beijing date, `YYYY-MM-DD`). */
export const shanghaiDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * Opens a tab by its name. On a phone a tab at the edge of the strip is half hidden: the first tap
 * slides the strip (antd scrolls the focused tab into view, so the press ends on its neighbour) and
 * a second tap opens it — what a person does too.
 */
export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await tab.click();
    // The strip may have slid instead; then tap again.
    for (let wait = 0; wait < 10; wait += 1) {
      if ((await tab.getAttribute('aria-selected')) === 'true') return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`the tab ${String(name)} did not open`);
}
