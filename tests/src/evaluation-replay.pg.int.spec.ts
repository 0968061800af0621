import { dropSchema, freshSchemaName, TEST_PG_URL } from '@jixiao/infra';
import { expectEvaluationReplayGivesSameRows } from './support/evaluation-replay';

/** The same on PostgreSQL: the evaluation read models' SQL (lists, board, filters) runs there too, and replays the same. */
describe('replaying the evaluation read models (PostgreSQL)', () => {
  const schema = freshSchemaName('evalreplay');
  afterAll(() => dropSchema(schema));

  it('gives every agency, key-evaluation and self-evaluation read model row for row, and the same answers, as before', async () => {
    await expectEvaluationReplayGivesSameRows({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
  }, 300_000);
});
