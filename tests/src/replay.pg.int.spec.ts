import { dropSchema, freshSchemaName, TEST_PG_URL } from '@jixiao/infra';
import { expectReplayGivesSameAnswers } from './support/replay';

/** The same year on PostgreSQL: the planning queries' SQL runs there too, and replays the same. */
describe('replaying the event store into empty read models on PostgreSQL', () => {
  const schema = freshSchemaName('replay');
  afterAll(() => dropSchema(schema));

  it('gives the same answers to every planning query as before', async () => {
    await expectReplayGivesSameAnswers(() => ({ kind: 'postgres', connectionString: TEST_PG_URL, schema }));
  }, 120_000);
});
