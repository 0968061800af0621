import Database from 'better-sqlite3';
import {
  as,
  goalInput,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  startTestPlatform,
  SUBMIT_GOAL,
} from './support/platform';

const VERIFY = `query($s: String!) { verifyStream(streamId: $s) { ok eventCount brokenAtVersion reason } }`;
const auditor = as('AUDITOR', null, 'zhao.audit');

describe('verifying a stream an administrator changed behind the store (embedded platform)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  it('names the broken version and still counts the events the stream holds', async () => {
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '301001', name: '天门市水利和湖泊局', level: 'FIRST', divisionCode: '429006' } },
      as('ADMIN', null, 'wang.admin'),
    );
    const officer = as('BUDGET_UNIT', unit.data!.registerBudgetUnit.id, 'zhang.wei');
    const project = await p.gql(PROPOSE_PROJECT, { input: projectInput(unit.data!.registerBudgetUnit.id) }, officer);
    const goal = await p.gql(SUBMIT_GOAL, { input: goalInput(project.data!.proposeProject.id) }, officer);
    const streamId = `goal-${goal.data!.submitGoal.id}`;
    expect((await p.gql(VERIFY, { s: streamId }, auditor)).data!.verifyStream).toEqual({
      ok: true,
      eventCount: 1,
      brokenAtVersion: null,
      reason: null,
    });

    // what a database administrator could do: drop the guard, change the amount submitted
    if (p.storage.kind !== 'sqlite') throw new Error('this test tampers with the SQLite file');
    const db = new Database(p.storage.file);
    try {
      db.exec('DROP TRIGGER events_no_update');
      db.prepare(`UPDATE events SET data = replace(data, '500000000', '900000000') WHERE stream_id = ?`).run(streamId);
    } finally {
      db.close();
    }

    expect((await p.gql(VERIFY, { s: streamId }, auditor)).data!.verifyStream).toEqual({
      ok: false,
      eventCount: 1,
      brokenAtVersion: 1,
      reason: 'HASH_MISMATCH',
    });
  });
});
