import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../docs/markdown-links';
import {
  belowFloor,
  fileScores,
  floorFailureMessage,
  mergeReports,
  renderScoreTable,
  type MutationReport,
} from './mutation-scores';

const DIR = path.join(REPO_ROOT, 'reports', 'mutation');
/**
 * The runs' results, as each writes them for its next incremental run (a full mutation-testing report,
 * committed): the event store's pure parts against the events package's tests
 * (stryker.events.config.mjs), the contexts' rules against the services' unit tests (stryker.config.mjs).
 */
const REPORTS = ['events-incremental.json', 'contexts-incremental.json'].map((name) => path.join(DIR, name));
const TABLE = path.join(DIR, 'README.md');

/**
 * Writes reports/mutation/README.md from the runs' JSON reports (dated by the latest) and returns the
 * files below the floor.
 */
export function writeScoreTable(): string[] {
  const report = mergeReports(REPORTS.map((file) => JSON.parse(readFileSync(file, 'utf8')) as MutationReport));
  const scores = fileScores(report);
  const latest = new Date(Math.max(...REPORTS.map((file) => statSync(file).mtime.getTime())));
  writeFileSync(TABLE, renderScoreTable(scores, latest));
  return belowFloor(scores);
}

// Run: `npm run test:mutation`, after `stryker run`.
if (require.main === module) {
  const failures = writeScoreTable();
  console.log(`written: ${path.relative(REPO_ROOT, TABLE)}`);
  if (failures.length > 0) {
    console.error(floorFailureMessage(failures));
    process.exit(1);
  }
}
