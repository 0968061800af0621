import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { fileNameOf, SCREENSHOTS_DIR } from './screenshots';

/** One axe rule a page broke, and where. */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is. Throws on serious or critical
 * violations; minor and moderate ones are returned and written with the rest to
 * tests/screenshots/<name>.axe.json.
 */
export async function checkAccessibility(page: Page, name: string): Promise<Violation[]> {
  // evaluated, not added as a <script>: a page's content security policy cannot refuse it
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  writeFileSync(
    path.join(SCREENSHOTS_DIR, `${fileNameOf(name)}.axe.json`),
    `${JSON.stringify({ url: page.url(), violations }, null, 2)}\n`,
  );
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  if (blocking.length > 0) {
    const lines = blocking.map((v) => `  ${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(', ')}`);
    throw new Error(
      `accessibility (${name}): ${blocking.length} serious or critical violation(s)\n${lines.join('\n')}`,
    );
  }
  return violations;
}
