/**
 * The browser-safe part of `@jixiao/events` (console/vite.config.ts and tsconfig.json point the package
 * name here): field issues, money and the planning catalog's indicator framework. With it the console
 * imports the platform's own rule functions (services/<ctx>/src/**\/*.rules.ts) to check a form as the
 * person types, instead of keeping a second copy of the rules. The package's other parts (store, hash,
 * subscriptions) need Node and never reach the browser.
 */
export * from '../../../events/src/errors';
export * from '../../../events/src/money';
export * from '../../../events/src/catalog/define';
export * from '../../../events/src/planning/goal';
