import { expectKeyEvaluationReplayGivesSameRows } from './support/key-evaluation-replay';

describe('replaying the key-evaluation read model (SQLite)', () => {
  it('gives every evaluation row (evidence, scores, reports, feedback, result) and the same answers as before', async () => {
    await expectKeyEvaluationReplayGivesSameRows();
  }, 300_000);
});
