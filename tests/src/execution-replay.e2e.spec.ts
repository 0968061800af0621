import { expectExecutionReplayGivesSameRows } from './support/execution-replay';

describe('replaying the execution read models (SQLite)', () => {
  it('gives every disbursement and monitoring read model row for row, and the same answers, as before', async () => {
    await expectExecutionReplayGivesSameRows();
  }, 240_000);
});
