import { CONTEXTS } from '@jixiao/contexts';
import { evaluationContext } from '@jixiao/evaluation';
import { devKeyFile, processPlan, testing } from '@jixiao/infra';
import { execFileSync } from 'node:child_process';
import { startDistributed } from './support/distributed';
import {
  agencyUser,
  agencyWithContract,
  ANSWER,
  ASSIGN,
  chinaToday,
  DRAFT,
  EVIDENCE,
  FEEDBACK,
  FINAL,
  NOTIFY,
  ONE,
  PLAN,
  registerUnit,
  SCORES,
  uploadPdf,
} from './support/key-evaluation-walk';
import { devKeyMinter, type TestPlatform } from './support/platform';
import { ok, officer, performance } from './support/walk';

jest.setTimeout(300_000);

const { withPgClient } = testing;

/**
 * The evaluation context in distributed mode: its service is a process of its own behind the gateway,
 * its read models are kept by its own worker pool over Kafka, the agency's files go to the gateway's
 * /attachments and are kept in PostgreSQL. A key evaluation walks from the plan to the results notified
 * — agency bought in, assigned under its contract, fieldwork with a photo, scores, draft, the unit's
 * feedback answered, final report and grade — and after each step the next reader sees what it wrote
 * (read-your-writes across the processes).
 */
describe('evaluation in distributed mode (PostgreSQL + Kafka + Redis)', () => {
  let platform: Awaited<ReturnType<typeof startDistributed>>;
  /** The distributed platform as the walk's helpers take it: the gateway's GraphQL, token minting, its URL. */
  let p: TestPlatform;
  beforeAll(async () => {
    platform = await startDistributed();
    const mint = devKeyMinter(devKeyFile(platform.dir), { issuer: 'jixiao-dev', audience: 'jixiao' });
    p = { ...platform.client, mint, url: `http://127.0.0.1:${platform.port}/graphql` } as TestPlatform;
  });
  afterAll(() => platform?.dispose());

  it('runs evaluation as its own service process with its own projection worker pool', async () => {
    const plan = processPlan(platform.port, '127.0.0.1', CONTEXTS);
    const service = plan.backends.find((b) => b.name === 'evaluation')!;
    const workers = plan.backends.find((b) => b.name === 'worker-evaluation')!;
    expect(service).toMatchObject({ entry: 'service-main', args: ['evaluation'] });
    expect(workers.env?.JIXIAO_PROJECTIONS?.split(',')).toEqual(evaluationContext.projections.map((x) => x.name));
    expect(plan.gateway.env?.JIXIAO_EVALUATION_URL).toBe(`${service.health}/graphql`);
    const children = execFileSync('ps', ['-o', 'args=', '--ppid', String(platform.supervisor.pid)]).toString();
    expect(children).toMatch(/service-main\.js evaluation\b/);
    for (const health of [service.health, workers.health]) {
      expect((await fetch(`${health}/readyz`)).status).toBe(200);
    }
  });

  it('walks a key evaluation from the plan to the results notified, each step read back at once', async () => {
    const unit = await registerUnit(p, '701', '天门市卫生健康委员会');
    const agency = await agencyWithContract(p, '湖北永信会计师事务所', 7, 'TMCZ-DIST-01');
    const by = agencyUser(agency);
    const today = chinaToday();

    const planned = await ok(p, PLAN, {
      input: {
        kind: 'FINANCE_KEY',
        object: 'POLICY',
        unitId: unit,
        subject: '基层医疗卫生机构能力提升政策',
        fiscalYear: 2025,
      },
    });
    const id = planned.id as string;
    await ok(p, ASSIGN, {
      input: { evaluationId: id, evaluatorId: agency, contractNumber: 'TMCZ-DIST-01', scope: '政策全过程评价' },
    });
    // the agency reads its assignment at once, through its own scope
    expect(await ok(p, ONE, { id }, by)).toMatchObject({ stage: 'AGENCY_ASSIGNED', evaluatorId: agency });

    const photo = await uploadPdf(p, by, '乡镇卫生院现场照片.pdf');
    const stored = await withPgClient((c) =>
      c.query<{ name: string }>(`SELECT name FROM "${platform.schema}".attachments WHERE attachment_id = $1`, [
        photo.attachmentId,
      ]),
    );
    expect(stored.rows).toEqual([{ name: '乡镇卫生院现场照片.pdf' }]);
    const visited = await ok(
      p,
      EVIDENCE,
      {
        input: {
          evaluationId: id,
          kind: 'SITE_VISIT',
          date: today,
          place: '岳口镇卫生院',
          attachmentIds: [photo.attachmentId],
        },
      },
      by,
    );
    expect(visited).toMatchObject({ stage: 'FIELDWORK', evidence: [{ attachments: [{ sha256: photo.sha256 }] }] });

    const scores = [
      { dimension: 'DECISION', indicator: '政策目标明确性', points: 14, maxPoints: 15 },
      { dimension: 'PROCESS', indicator: '资金到位及时性', points: 18, maxPoints: 20 },
      { dimension: 'OUTPUT', indicator: '标准化建设完成率', points: 32, maxPoints: 35 },
      { dimension: 'BENEFIT', indicator: '群众就医满意度', points: 27.5, maxPoints: 30 },
    ];
    await ok(p, SCORES, { input: { evaluationId: id, scores } }, by);
    const draft = await uploadPdf(p, by, '评价报告（征求意见稿）.pdf', 3000);
    await ok(p, DRAFT, { input: { evaluationId: id, attachmentId: draft.attachmentId } }, by);
    // the unit reads the draft and gives feedback at once; the agency sees it open
    const fed = await ok(p, FEEDBACK, { input: { evaluationId: id, text: '标准化建设应含村卫生室' } }, officer(unit));
    expect((await ok(p, ONE, { id }, by)).openFeedback).toBe(1);
    await ok(
      p,
      ANSWER,
      { input: { evaluationId: id, feedbackId: fed.feedback[0].id, adopted: true, answer: '已补充村卫生室口径' } },
      by,
    );
    const report = await uploadPdf(p, by, '评价报告（正式）.pdf', 3200);
    const final = await ok(p, FINAL, { input: { evaluationId: id, attachmentId: report.attachmentId } }, by);
    // 14 + 18 + 32 + 27.5 = 91.5: EXCELLENT under the bands in force in Tianmen (≥ 90)
    expect(final).toMatchObject({ stage: 'FINAL', final: { total: 91.5, grade: 'EXCELLENT' } });
    await ok(p, NOTIFY, { input: { evaluationId: id, note: '结果已通报' } });
    expect(await ok(p, ONE, { id }, officer(unit))).toMatchObject({
      stage: 'RESULTS_NOTIFIED',
      final: { total: 91.5, grade: 'EXCELLENT' },
    });
    const board = await ok(
      p,
      `query { keyEvaluationBoard(fiscalYear: 2025) { items { evaluation { id stage } } } }`,
      {},
      performance,
    );
    expect(board.items).toContainEqual({ evaluation: { id, stage: 'RESULTS_NOTIFIED' } });
  });
});
