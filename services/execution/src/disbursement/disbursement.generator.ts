import { createHash } from 'node:crypto';
import { ISSUED_GOAL_STATUSES, type BatchAppend, type EventMetadata, type Fen } from '@jixiao/events';
import {
  clientIpOf,
  Rng,
  Streams,
  type Actor,
  type CityYear,
  type GeneratorSteps,
  type ProjectFacts,
} from '@jixiao/generator';
import {
  disbursementDecider,
  disbursementStreamId,
  type AttachmentLimits,
  type DisbursementCommand,
  type DisbursementFacts,
} from './disbursement.decider';
import { disbursementFacts, type ProjectStanding } from './disbursement.rules';

const DAY = 86_400_000;
const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
/** The platform's default: 20 MiB of PDF, images and office documents. */
const LIMITS: AttachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  contentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
};
/** About 1,000 requests over the Tianmen year’s 34,261 goals (about 64 % issued with budget by the end of November). */
const REQUESTS_PER_GOAL = 1_000 / 34_261;
const ELIGIBLE_SHARE = 0.64;
/** How a generated request ends, in the order the demo shows them first. */
const PATHS = ['CLEARED', 'HELD', 'HELD_THEN_CLEARED', 'REQUESTED'] as const;
type Path = (typeof PATHS)[number];
const PATH_WEIGHTS: Record<Path, number> = { CLEARED: 65, HELD: 10, HELD_THEN_CLEARED: 10, REQUESTED: 15 };

const PURPOSES = ['工程进度款', '设备采购款', '项目实施首期款', '服务采购合同款', '材料采购款', '项目尾款'];
const HOLD_REASONS = [
  '附件缺少经签字盖章的采购合同，请补充后重新提交',
  '申请金额与合同约定的付款节点不符',
  '绩效目标执行进度滞后，请说明原因并补充进度证明',
  '拨款审批表未经单位负责人签字',
];
const EXTRA_DOCUMENTS: readonly [string, string][] = [
  ['项目合同.pdf', 'application/pdf'],
  ['发票.jpg', 'image/jpeg'],
  ['工程进度确认单.pdf', 'application/pdf'],
  ['验收报告.pdf', 'application/pdf'],
];

/** What the disbursement steps keep of a project while the year is generated (the standing's sums). */
interface ProjectMoney {
  allocatedFen: Fen;
  clearedFen: Fen;
  heldOpinions: number;
}

/**
 * 拨款审核 in the generated year: for a share of the projects whose goal was issued (or adjusted)
 * with budget, one request by the unit's officer after the issue — cleared, held, held then
 * corrected and cleared, or still waiting — every event from the decider, with the commands the
 * resolvers build (the facts as the form would show them, availability from what was allocated
 * and cleared). Its own seeded `Rng`, streams and clock: the year's shared sequence is not drawn
 * from, so planning's events are the same with or without these steps. Attachments are metadata
 * only (ids, names, sizes, a SHA-256 of a deterministic text). The demo takes every eligible
 * project and shows each way a request ends; the Tianmen scale about 1,000 requests, about
 * 1 billion yuan in all (each 8–23 % of the project's allocation).
 */
export function disbursementGenerator(): GeneratorSteps {
  let rng: Rng | null = null;
  let streams: Streams | null = null;
  let now = 0;
  let made = 0;
  let batch = 0;

  const metadata = (actor: Actor): EventMetadata => ({
    actorId: actor.actorId,
    role: actor.role,
    unitId: actor.unitId,
    commandId: rng!.uuid(),
    correlationId: rng!.uuid(),
    clientIp: clientIpOf(actor.actorId),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
  });

  const documents = (unitCode: string, extra: number) => {
    const named: [string, string][] = [['拨款审批表.pdf', 'application/pdf'], ...EXTRA_DOCUMENTS.slice(0, extra)];
    return named.map(([name, contentType]) => {
      const attachmentId = rng!.uuid();
      return {
        attachmentId,
        name,
        sizeBytes: rng!.int(40_000, 3_000_000),
        contentType,
        sha256: createHash('sha256').update(`jixiao.attachment:${unitCode}:${attachmentId}:${name}`).digest('hex'),
      };
    });
  };

  /** The form's facts now, as the resolver computes them (no monitoring report precedes in the log). */
  const factsOf = (project: ProjectFacts, m: ProjectMoney): DisbursementFacts =>
    disbursementFacts({
      goalStatus: project.goalStatus as ProjectStanding['goalStatus'],
      budgetFen: m.allocatedFen,
      executedFen: m.clearedFen > 0 ? m.clearedFen : null,
      latestLikelihoods: [],
      stopFunding: false,
      heldBefore: m.heldOpinions,
    });

  function request(
    year: CityYear,
    project: ProjectFacts,
    m: ProjectMoney,
    issuedAt: number,
    path: Path,
  ): string | null {
    const s = streams!;
    const r = rng!;
    const fy = year.scale.fiscalYear;
    const yearEnd = Date.UTC(fy, 11, 20, 2, 0, 0);
    const from = Math.max(issuedAt + DAY, Date.UTC(fy, 0, 9, 1, 0, 0));
    const at = (t: number) => {
      now = Math.round(t);
      return now;
    };
    const requestId = r.uuid();
    const stream = disbursementStreamId(requestId);
    const officer = project.unit.officer;
    const available = m.allocatedFen - m.clearedFen;
    const amountFen = Math.min(available, Math.round(m.allocatedFen * (0.08 + 0.15 * r.next())));
    if (amountFen <= 0) return null;
    const content = () => ({
      amountFen,
      purpose: `${project.unit.name}${r.pick(PURPOSES)}`,
      batch: `${fy}年第${++batch}批`,
      documents: documents(project.unit.code, r.int(0, 2)),
    });
    let t = at(from + r.next() * Math.max(0, yearEnd - from) * 0.85);
    s.run(
      disbursementDecider,
      stream,
      {
        type: 'SubmitDisbursementRequest',
        requestId,
        unitId: project.unit.unitId,
        projectId: project.projectId,
        goalId: project.goalId,
        fiscalYear: fy,
        ...content(),
        context: {
          goal: { unitId: project.unit.unitId, projectId: project.projectId, fiscalYear: fy },
          availableFen: available,
          limits: LIMITS,
        },
      } satisfies DisbursementCommand,
      officer,
    );
    made++;
    if (path === 'REQUESTED') return stream;
    const sign = (outcome: 'CLEARED' | 'HELD') => {
      t = at(t + r.int(1, 12) * DAY + r.int(0, 8 * 3600) * 1000);
      const shown = factsOf(project, m);
      s.run(
        disbursementDecider,
        stream,
        {
          type: 'SignDisbursementOpinion',
          requestId,
          outcome,
          shown,
          overrides: [],
          reasons: outcome === 'HELD' ? [r.pick(HOLD_REASONS)] : [],
          comment: outcome === 'CLEARED' ? '绩效目标已下达，同意拨付' : null,
        },
        PERFORMANCE_SECTION,
      );
      if (outcome === 'HELD') m.heldOpinions++;
      else m.clearedFen += amountFen;
    };
    sign(path === 'CLEARED' ? 'CLEARED' : 'HELD');
    if (path !== 'HELD_THEN_CLEARED') return stream;
    t = at(t + r.int(2, 15) * DAY);
    s.run(
      disbursementDecider,
      stream,
      {
        type: 'ResubmitDisbursementRequest',
        requestId,
        ...content(),
        context: { availableFen: m.allocatedFen - m.clearedFen, limits: LIMITS },
      } satisfies DisbursementCommand,
      officer,
    );
    sign('CLEARED');
    return stream;
  }

  return {
    setup(year) {
      rng = new Rng((year.seed ^ 0x0d15b05e) >>> 0);
      streams = new Streams(metadata, () => new Date(now));
    },
    project(year, n) {
      const r = rng!;
      const project = year.projects[n];
      if (!project || !(ISSUED_GOAL_STATUSES as readonly string[]).includes(project.goalStatus)) return;
      // what planning appended for the project in this step: its allocation, and when the goal was issued
      const appends: readonly BatchAppend[] = year.streams.out;
      const allocation = appends
        .filter((a) => a.streamId === `project-${project.projectId}`)
        .flatMap((a) => a.events)
        .filter((e) => e.type === 'BudgetAllocated')
        .pop();
      if (!allocation) return;
      const issuedAt = Math.max(...appends.map((a) => a.recordedAt?.getTime() ?? 0));
      if (issuedAt > Date.UTC(year.scale.fiscalYear, 10, 30)) return; // issued too late in the year to be paid from
      const demo = year.scale.goals <= 100;
      if (!demo && !r.chance(REQUESTS_PER_GOAL / ELIGIBLE_SHARE)) return;
      const m: ProjectMoney = {
        allocatedFen: (allocation.data as { totalAllocatedFen: Fen }).totalAllocatedFen,
        clearedFen: 0,
        heldOpinions: 0,
      };
      // the first requests show every way a request ends; then by weight
      const path = made < PATHS.length ? PATHS[made]! : r.weighted(PATH_WEIGHTS);
      const stream = request(year, project, m, issuedAt, path);
      year.streams.out.push(...streams!.drain());
      if (stream) streams!.forget(stream);
    },
  };
}
