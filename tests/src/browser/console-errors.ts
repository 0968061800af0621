import type { Page } from 'playwright-core';

/** What a page logged as errors, and which of them a test expects. */
export interface ConsoleErrors {
  allow(pattern: RegExp): void;
  /** The errors no allowed pattern matches, each with where it came from. */
  unexpected(): string[];
}

/** Collects the page's console errors and uncaught exceptions from now on. */
export function watchConsoleErrors(page: Page): ConsoleErrors {
  const logged: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    logged.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => logged.push(`uncaught: ${error.stack ?? error.message}`));
  return {
    allow: (pattern) => void allowed.push(pattern),
    unexpected: () => logged.filter((line) => !allowed.some((pattern) => pattern.test(line))),
  };
}
