import { expectReplayGivesSameAnswers } from './support/replay';

describe('replaying the event store into empty read models', () => {
  it('gives the same answers to every planning query as before (SQLite)', async () => {
    await expectReplayGivesSameAnswers();
  });
});
