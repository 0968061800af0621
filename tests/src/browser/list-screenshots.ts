import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SCREENSHOTS_DIR } from './screenshots';

/** The browser project's global teardown: lists the screenshots and axe reports this run saved. */
export default function listScreenshots(): void {
  const started = Date.now() - process.uptime() * 1000;
  let files: string[] = [];
  try {
    files = readdirSync(SCREENSHOTS_DIR)
      .filter((file) => statSync(path.join(SCREENSHOTS_DIR, file)).mtimeMs >= started)
      .sort();
  } catch {
    // no screenshot taken at all
  }
  if (files.length === 0) return;
  const pngs = files.filter((file) => file.endsWith('.png'));
  process.stdout.write(
    `\nscreenshots (${pngs.length}) and accessibility reports (${files.length - pngs.length}) in ${SCREENSHOTS_DIR}:\n` +
      files.map((file) => `  ${file}\n`).join(''),
  );
}
