import { dropSchema, freshSchemaName, TEST_PG_URL } from '@jixiao/infra';
import { expectExecutionReplayGivesSameRows } from './support/execution-replay';

/** The same on PostgreSQL: the execution read models' SQL (figures, queue, warnings) runs there too, and replays the same. */
describe('replaying the execution read models (PostgreSQL)', () => {
  const schema = freshSchemaName('execreplay');
  afterAll(() => dropSchema(schema));

  it('gives every disbursement and monitoring read model row for row, and the same answers, as before', async () => {
    await expectExecutionReplayGivesSameRows({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
  }, 300_000);
});
