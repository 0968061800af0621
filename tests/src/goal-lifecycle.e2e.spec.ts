import { createHash } from 'node:crypto';
import { canonicalJson } from '@jixiao/events';
import {
  as,
  goalInput,
  JOINT_REVIEWERS,
  OPINION,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVIEW,
  REVISE_INDICATOR,
  startTestPlatform,
  SUBMIT_GOAL,
} from './support/platform';

const admin = as('ADMIN', null, 'wang.admin');
const auditor = as('AUDITOR', null, 'zhao.audit');
const performance = as('PERFORMANCE_SECTION', null, 'li.na');

describe('a budget unit submits a goal through the gateway (embedded platform)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  it('registers a unit, submits, reads across subgraphs, reviews, revises, and shows the hash-chained history', async () => {
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '101001', name: '天门市教育局', level: 'FIRST', divisionCode: '429006' } },
      admin,
    );
    expect(unit.errors).toBeUndefined();
    const unitId = unit.data!.registerBudgetUnit.id;
    const officer = as('BUDGET_UNIT', unitId, 'zhang.wei');
    const project = await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer);
    expect(project.errors).toBeUndefined();

    const submitted = await p.gql(SUBMIT_GOAL, { input: goalInput(project.data!.proposeProject.id) }, officer);
    expect(submitted.errors).toBeUndefined();
    const goal = submitted.data!.submitGoal;
    // a first-level unit has no supervising department: its goal goes straight to the joint finance review
    expect(goal).toMatchObject({ status: 'FINANCE_REVIEW', version: 1 });
    expect(goal.indicators).toHaveLength(4);

    // one query, two subgraphs: the goal from planning, its unit's name from directory
    const read = await p.gql(
      `query($id: ID!) { goal(id: $id) { id projectName statusLabel unit { id name code level }
         indicators { name level1 level2 operator targetValue targetText unit points basis } } }`,
      { id: goal.id },
      officer,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.goal).toMatchObject({
      projectName: '义务教育薄弱环节改善与能力提升',
      statusLabel: '财政联审中',
      unit: { id: unitId, name: '天门市教育局', code: '101001', level: 'FIRST' },
    });
    expect(read.data!.goal.indicators[2]).toMatchObject({
      operator: 'QUALITATIVE',
      targetText: '明显改善',
      targetValue: null,
    });

    for (const reviewer of JOINT_REVIEWERS) {
      const opinion = { goalId: goal.id, opinion: 'RETURN', comment: '改造数量应与年度计划一致' };
      expect((await p.gql(OPINION, { input: opinion }, reviewer)).errors).toBeUndefined();
    }
    const reviewed = await p.gql(
      REVIEW,
      { input: { goalId: goal.id, result: 'RETURN', comment: '满意度指标目标值偏低，请补充依据', expectedVersion: 4 } },
      performance,
    );
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data!.reviewGoal).toMatchObject({
      status: 'RETURNED',
      reviewRounds: 1,
      reviews: [{ round: 1, stage: 'FINANCE', result: 'RETURN', reviewerRole: 'PERFORMANCE_SECTION' }],
    });

    const first = goal.indicators[0];
    const revised = await p.gql(
      REVISE_INDICATOR,
      {
        input: {
          goalId: goal.id,
          expectedVersion: 5,
          reason: '按教育局年度计划调整改造数量',
          indicator: {
            id: first.id,
            level1: 'OUTPUT',
            level2: 'QUANTITY',
            name: first.name,
            operator: 'GTE',
            targetValue: 15,
            unit: '所',
            points: 30,
            basis: 'PLAN',
          },
        },
      },
      officer,
    );
    expect(revised.errors).toBeUndefined();
    expect(revised.data!.reviseIndicator.version).toBe(6);
    expect(revised.data!.reviseIndicator.indicators[0]).toMatchObject({ targetValue: 15, revisionCount: 1 });

    const history = await p.gql(
      `query($id: ID!) { goal(id: $id) { history { eventId streamId streamVersion type schemaVersion data recordedAt
          previousHash hash commandId metadata actor { actorId role unitId } } } }`,
      { id: goal.id },
      auditor,
    );
    expect(history.errors).toBeUndefined();
    const events = history.data!.goal.history;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'GoalSubmitted',
      'GoalReviewOpinionRecorded',
      'GoalReviewOpinionRecorded',
      'GoalReviewOpinionRecorded',
      'GoalReviewed',
      'IndicatorRevised',
    ]);
    expect(events[0].actor).toEqual({ actorId: 'zhang.wei', role: 'BUDGET_UNIT', unitId });
    expect(events[3].actor.role).toBe('EXPERT');
    expect(events[4].actor.role).toBe('PERFORMANCE_SECTION');
    expect(events[0].previousHash).toBe('0'.repeat(64));
    events.slice(1).forEach((e: { previousHash: string }, n: number) => expect(e.previousHash).toBe(events[n].hash));
    // an auditor can recompute each hash from what the API shows
    for (const e of events) {
      const envelope = {
        eventId: e.eventId,
        streamId: e.streamId,
        streamVersion: e.streamVersion,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        recordedAt: e.recordedAt,
        previousHash: e.previousHash,
      };
      expect(createHash('sha256').update(e.previousHash).update(canonicalJson(envelope)).digest('hex')).toBe(e.hash);
    }

    const verified = await p.gql(
      `query($s: String!) { verifyStream(streamId: $s) { ok eventCount } }`,
      { s: `goal-${goal.id}` },
      auditor,
    );
    expect(verified.data!.verifyStream).toEqual({ ok: true, eventCount: 6 });
    const missing = await p.gql(`query { verifyStream(streamId: "goal-nothing-here") { ok } }`, undefined, auditor);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a repeated command id with the first result and writes nothing', async () => {
    const unit = await p.gql(
      REGISTER_UNIT,
      { input: { code: '102001', name: '天门市卫生健康委员会', level: 'FIRST', divisionCode: '429006' } },
      admin,
    );
    const unitId = unit.data!.registerBudgetUnit.id;
    const officer = as('BUDGET_UNIT', unitId);
    const project = await p.gql(PROPOSE_PROJECT, { input: projectInput(unitId) }, officer);
    const input = goalInput(project.data!.proposeProject.id, { commandId: 'c0ffee00-0000-4000-8000-000000000001' });
    const first = await p.gql(SUBMIT_GOAL, { input }, officer);
    const before = (await p.allEvents()).length;
    const again = await p.gql(SUBMIT_GOAL, { input }, officer);
    expect(again.data!.submitGoal.id).toBe(first.data!.submitGoal.id);
    expect((await p.allEvents()).length).toBe(before);
  });
});
