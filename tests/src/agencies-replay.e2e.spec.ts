import { expectAgencyReplayGivesSameRows } from './support/agency-replay';

describe('replaying the agency directory’s read model (SQLite)', () => {
  it('gives every agency row (procurement, contracts, ratings) and the same answers as before', async () => {
    await expectAgencyReplayGivesSameRows();
  }, 300_000);
});
