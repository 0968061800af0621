import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the browser tests save what they checked (gitignored; listed at the end of the run). */
export const SCREENSHOTS_DIR = path.resolve(__dirname, '../../screenshots');

/** A file name of `name` as a test gives it: `审计/goal history` → `审计-goal-history`. */
export const fileNameOf = (name: string) =>
  name
    .trim()
    .replace(/[\s/\\:*?"<>|]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Saves the whole page as tests/screenshots/<name>.png, once what the test checked is on screen. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${fileNameOf(name)}.png`);
  // a spinner or a message still fading in would be a screenshot of a moment, not of the page
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
