/**
 * How the project drives a browser: Debian's `chromium` (installed by infra/browser/install.sh),
 * headless, with nothing that reaches the network on its own. A browser download of Playwright's
 * own cannot work on these machines. Read by the browser tests and by the bench.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch options for playwright-core's `chromium.launch`. */
export const chromiumLaunchOptions = () => ({
  executablePath: CHROMIUM_PATH,
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
