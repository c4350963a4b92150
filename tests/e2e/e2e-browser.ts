import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results/screenshots');

/** Debian's chromium (apt-get install chromium fonts-noto-cjk), not a downloaded browser build. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PC_VIEWPORT = { width: 1366, height: 860 };
export const PHONE_VIEWPORT = { width: 375, height: 812 };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
