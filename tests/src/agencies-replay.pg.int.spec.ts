import { dropSchema, freshSchemaName, TEST_PG_URL } from '@jixiao/infra';
import { expectAgencyReplayGivesSameRows } from './support/agency-replay';

/** The same on PostgreSQL: the json columns and the directory's filters run there too, and replay the same. */
describe('replaying the agency directory’s read model (PostgreSQL)', () => {
  const schema = freshSchemaName('agencyreplay');
  afterAll(() => dropSchema(schema));

  it('gives every agency row (procurement, contracts, ratings) and the same answers as before', async () => {
    await expectAgencyReplayGivesSameRows({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
  }, 300_000);
});
