import { expectEvaluationReplayGivesSameRows } from './support/evaluation-replay';

describe('replaying the evaluation read models (SQLite)', () => {
  it('gives every agency, key-evaluation and self-evaluation read model row for row, and the same answers, as before', async () => {
    await expectEvaluationReplayGivesSameRows();
  }, 240_000);
});
