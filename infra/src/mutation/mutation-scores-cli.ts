import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../docs/markdown-links';
import { belowFloor, fileScores, floorFailureMessage, renderScoreTable, type MutationReport } from './mutation-scores';

const REPORT = path.join(REPO_ROOT, 'reports', 'mutation', 'mutation.json');
const TABLE = path.join(REPO_ROOT, 'reports', 'mutation', 'README.md');

/**
 * Writes reports/mutation/README.md from the run's mutation.json (dated by it) and returns the files
 * below the floor.
 */
export function writeScoreTable(): string[] {
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
  const scores = fileScores(report);
  writeFileSync(TABLE, renderScoreTable(scores, statSync(REPORT).mtime));
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
