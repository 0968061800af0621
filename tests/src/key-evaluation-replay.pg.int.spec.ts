import { dropSchema, freshSchemaName, TEST_PG_URL } from '@jixiao/infra';
import { expectKeyEvaluationReplayGivesSameRows } from './support/key-evaluation-replay';

/** The same on PostgreSQL: the json columns, the scope's `$or` and the board run there too, and replay the same. */
describe('replaying the key-evaluation read model (PostgreSQL)', () => {
  const schema = freshSchemaName('keyevalreplay');
  afterAll(() => dropSchema(schema));

  it('gives every evaluation row and the same answers as before', async () => {
    await expectKeyEvaluationReplayGivesSameRows({ kind: 'postgres', connectionString: TEST_PG_URL, schema });
  }, 300_000);
});
