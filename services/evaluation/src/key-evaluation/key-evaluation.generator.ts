import { createHash } from 'node:crypto';
import { EVALUATION_DIMENSIONS, pickRuleProfile, type EventMetadata } from '@jixiao/events';
import {
  clientIpOf,
  Rng,
  Streams,
  type Actor,
  type CityYear,
  type GeneratorSteps,
  type ProjectFacts,
} from '@jixiao/generator';
import { assignmentDecider, assignmentStreamId } from '@jixiao/service-kit';
import { generatedAgencies, type GeneratedAgency } from '../agency/agency.generator';
import { keyEvaluationDecider, keyEvaluationStreamId, type KeyEvaluationCommand } from './key-evaluation.decider';
import type { Attachment } from './key-evaluation.work.rules';

const DAY = 86_400_000;
const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
/** The platform's default attachment limits. */
const LIMITS = { maxBytes: 20 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] };

/** How far each generated evaluation gets, in plan order: the demo year's two, then a city year's eighteen. */
type Until =
  'PLANNED' | 'AGENCY_ASSIGNED' | 'FIELDWORK' | 'DRAFT_REPORT' | 'UNIT_FEEDBACK' | 'FINAL' | 'RESULTS_NOTIFIED';
const DEMO: readonly Until[] = ['RESULTS_NOTIFIED', 'FIELDWORK'];
const CITY: readonly Until[] = [
  ...Array<Until>(6).fill('RESULTS_NOTIFIED'),
  'FINAL',
  'FINAL',
  'UNIT_FEEDBACK',
  'UNIT_FEEDBACK',
  'DRAFT_REPORT',
  'DRAFT_REPORT',
  'FIELDWORK',
  'FIELDWORK',
  'FIELDWORK',
  'AGENCY_ASSIGNED',
  'AGENCY_ASSIGNED',
  'PLANNED',
];
const ORDER: readonly Until[] = [
  'PLANNED',
  'AGENCY_ASSIGNED',
  'FIELDWORK',
  'DRAFT_REPORT',
  'UNIT_FEEDBACK',
  'FINAL',
  'RESULTS_NOTIFIED',
];

const INDICATORS: Record<(typeof EVALUATION_DIMENSIONS)[number], readonly [string, string]> = {
  DECISION: ['立项依据充分性', '绩效目标合理性'],
  PROCESS: ['资金到位率', '资金使用合规性'],
  OUTPUT: ['产出数量完成率', '产出质量达标率'],
  BENEFIT: ['社会效益', '服务对象满意度'],
};
const PLACES = ['项目现场', '乡镇财政所', '村委会', '项目实施单位'];
const FEEDBACK = [
  '部分产出数据口径与单位台账不一致，请核实',
  '建议在报告中补充资金滞留原因分析',
  '满意度样本偏少，结论宜谨慎',
];

/**
 * 财政重点评价 in the city's year: in the year after the fiscal year the bureau plans key
 * evaluations of issued projects (the demo year two — one carried through to the results notified,
 * one in fieldwork; a city year eighteen at every stage), assigns each to one of the agencies the
 * agency step bought in, under its contract; the agency records evidence (site visit, documents,
 * symposium, questionnaire), scores every dimension within the profile's split (one evaluation in three
 * also has an expert invited who scores beside the agency), submits drafts, the
 * unit gives feedback that the agency answers, and the final report is graded. Every event from the
 * decider; its own seeded `Rng`, streams and clock. Attachments are metadata only.
 */
export function keyEvaluationGenerator(): GeneratorSteps {
  let now = 0;
  return {
    finish(year) {
      const r = new Rng((year.seed ^ 0x6b3e0a57) >>> 0);
      const metadata = (actor: Actor): EventMetadata => ({
        actorId: actor.actorId,
        role: actor.role,
        unitId: actor.unitId,
        commandId: r.uuid(),
        correlationId: r.uuid(),
        clientIp: clientIpOf(actor.actorId),
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
      });
      const s = new Streams(metadata, () => new Date(now));
      const agencies = generatedAgencies(year);
      const plan = year.scale.goals <= 100 ? DEMO : CITY;
      const issued = year.projects.filter((p) => ['ISSUED', 'ADJUSTED'].includes(p.goalStatus));
      const picked = pickDistinct(r, issued, plan.length);
      picked.forEach((project, n) => {
        walk({ year, r, s, project, n, until: plan[n]!, agency: agencies[n % agencies.length]!, at: (t) => (now = t) });
        year.streams.out.push(...s.drain());
      });
    },
  };
}

/** `count` projects of different units where the year has them, in the year's order. */
function pickDistinct(r: Rng, projects: readonly ProjectFacts[], count: number): ProjectFacts[] {
  const seen = new Set<string>();
  const first = projects.filter((p) => !seen.has(p.unit.unitId) && seen.add(p.unit.unitId));
  const rest = projects.filter((p) => !first.includes(p));
  const pool = [...first, ...rest];
  const start = pool.length > count ? r.int(0, Math.min(pool.length - count, 5)) : 0;
  return pool.slice(start, start + count);
}

interface Walk {
  year: CityYear;
  r: Rng;
  s: Streams;
  project: ProjectFacts;
  n: number;
  until: Until;
  agency: GeneratedAgency;
  at(t: number): void;
}

/** One evaluation through the decider, up to its stage. */
function walk({ year, r, s, project, n, until, agency, at }: Walk): void {
  const fy = year.scale.fiscalYear;
  const next = fy + 1;
  const reached = (stage: Until) => ORDER.indexOf(stage) <= ORDER.indexOf(until);
  const evaluationId = r.uuid();
  const stream = keyEvaluationStreamId(evaluationId);
  const profile = pickRuleProfile(year.scale.divisionCode, fy, []);
  const split = profile.rules.evaluation.keyEvaluationSplit;
  const by: Actor = {
    actorId: agency.userId,
    role: 'AGENCY',
    unitId: agency.agencyId,
  };
  const actor = { role: by.role, unitId: by.unitId };
  let t = Date.UTC(next, 2, 1, 1, 0, 0) + n * 3_600_000; // early March, 09:00 in China
  const step = (days: number) => {
    t += days * DAY + r.int(0, 6 * 3600) * 1000;
    at(t);
    return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
  };
  const file = (name: string): Attachment => {
    const attachmentId = r.uuid();
    const sha256 = createHash('sha256')
      .update(`jixiao.attachment:${agency.agencyId}:${attachmentId}:${name}`)
      .digest('hex');
    return { attachmentId, name, sizeBytes: r.int(200_000, 6_000_000), contentType: 'application/pdf', sha256 };
  };
  const run = (command: KeyEvaluationCommand, who: Actor) => s.run(keyEvaluationDecider, stream, command, who);

  step(0);
  run(
    {
      type: 'PlanKeyEvaluation',
      evaluationId,
      by: { role: PERFORMANCE_SECTION.role, unitId: null },
      kind: 'FINANCE_KEY',
      object: 'PROJECT',
      unitId: project.unit.unitId,
      projectId: project.projectId,
      subject: `${project.unit.name}${fy}年度重点项目支出`,
      fiscalYear: fy,
      split: null,
      context: {
        profile: { ref: profile.ref, split, minOutputBenefitPercent: profile.rules.evaluation.minOutputBenefitPercent },
        project: { unitId: project.unit.unitId },
      },
    },
    PERFORMANCE_SECTION,
  );
  if (!reached('AGENCY_ASSIGNED')) return;
  t = Math.max(t, Date.parse(`${agency.from}T02:00:00Z`));
  const today = step(r.int(1, 10));
  run(
    {
      type: 'AssignKeyEvaluation',
      evaluationId,
      by: { role: PERFORMANCE_SECTION.role, unitId: null },
      evaluatorId: agency.agencyId,
      contractNumber: agency.contractNumber,
      scope: '项目决策、过程、产出与效益全过程评价',
      today,
      context: {
        agency: { contracts: [{ contractNumber: agency.contractNumber, from: agency.from, to: agency.to }] },
        supervises: false,
      },
    },
    PERFORMANCE_SECTION,
  );
  if (!reached('FIELDWORK')) return;
  const evidence = (kind: 'SITE_VISIT' | 'DOCUMENTS' | 'SYMPOSIUM' | 'QUESTIONNAIRE', extra: object) => {
    const day = step(r.int(2, 9));
    const sent = r.int(80, 400);
    run(
      {
        type: 'RecordEvaluationEvidence',
        evaluationId,
        evidenceId: r.uuid(),
        actor,
        kind,
        date: day,
        place: null,
        documents: [],
        participants: [],
        questionnaire:
          kind === 'QUESTIONNAIRE'
            ? { sent, returned: r.int(Math.floor(sent * 0.7), sent), satisfactionPercent: r.int(780, 990) / 10 }
            : null,
        note: null,
        attachments: [file(`${kind === 'SITE_VISIT' ? '现场核查记录' : '评价工作底稿'}-${day}.pdf`)],
        today: day,
        limits: LIMITS,
        ...extra,
      },
      by,
    );
  };
  evidence('SITE_VISIT', { place: `${project.unit.name}${r.pick(PLACES)}` });
  evidence('DOCUMENTS', { documents: ['项目申报书', '资金拨付凭证', '验收报告'] });
  if (!reached('DRAFT_REPORT')) return;
  evidence('SYMPOSIUM', { participants: [`${project.unit.name}负责人`, '财政局绩效科', '项目实施单位代表'] });
  evidence('QUESTIONNAIRE', {});
  step(r.int(3, 10));
  const sheet = EVALUATION_DIMENSIONS.flatMap((dimension) => {
    const [a, b] = INDICATORS[dimension];
    const maxA = split[dimension] * 0.6;
    const scored = (indicator: string, maxPoints: number) => {
      const points = Math.min(maxPoints, Math.round(maxPoints * (0.68 + 0.32 * r.next()) * 2) / 2);
      return { dimension, indicator, points, maxPoints, reason: points < maxPoints ? '部分目标未完全实现' : null };
    };
    return [scored(a, maxA), scored(b, split[dimension] - maxA)];
  });
  run({ type: 'GiveEvaluationScores', evaluationId, actor, scores: sheet }, by);
  if (n % 3 === 0) inviteExpert({ r, s, evaluationId, n, sheet, step });
  const draft = (version: number) => {
    step(r.int(4, 12));
    run(
      {
        type: 'SubmitEvaluationDraftReport',
        evaluationId,
        actor,
        report: file(`${project.unit.name}重点评价报告（第${version}稿）.pdf`),
        summary: version === 1 ? null : '根据单位和座谈会意见修改',
        limits: LIMITS,
      },
      by,
    );
  };
  draft(1);
  if (!reached('UNIT_FEEDBACK')) return;
  const feedbackIds = [r.uuid(), r.uuid()];
  step(r.int(3, 8));
  run(
    {
      type: 'GiveEvaluationFeedback',
      evaluationId,
      feedbackId: feedbackIds[0]!,
      actor: { role: 'BUDGET_UNIT', unitId: project.unit.unitId },
      source: 'UNIT',
      text: r.pick(FEEDBACK),
    },
    project.unit.officer,
  );
  step(r.int(1, 4));
  run(
    {
      type: 'GiveEvaluationFeedback',
      evaluationId,
      feedbackId: feedbackIds[1]!,
      actor,
      source: 'SYMPOSIUM',
      text: '座谈会建议补充受益群众访谈',
    },
    by,
  );
  if (!reached('FINAL')) return;
  feedbackIds.forEach((feedbackId, i) => {
    step(r.int(1, 5));
    run(
      {
        type: 'AnswerEvaluationFeedback',
        evaluationId,
        feedbackId,
        actor,
        adopted: i === 0 || r.chance(0.5),
        answer: i === 0 ? '已核实并按单位台账修改' : '已补充访谈内容',
      },
      by,
    );
  });
  draft(2);
  step(r.int(5, 15));
  run(
    {
      type: 'FinalizeKeyEvaluation',
      evaluationId,
      actor,
      report: file(`${project.unit.name}重点评价报告（正式）.pdf`),
      limits: LIMITS,
      profile: { ref: profile.ref, gradeBands: profile.rules.gradeBands },
    },
    by,
  );
  if (!reached('RESULTS_NOTIFIED')) return;
  step(r.int(3, 10));
  run(
    { type: 'NotifyKeyEvaluationResults', evaluationId, note: '请根据评价报告提出的问题制定整改方案' },
    PERFORMANCE_SECTION,
  );
}

interface ExpertStep {
  r: Rng;
  s: Streams;
  evaluationId: string;
  n: number;
  sheet: { dimension: (typeof EVALUATION_DIMENSIONS)[number]; indicator: string; points: number; maxPoints: number }[];
  step(days: number): string;
}

/**
 * 专家评分: the performance section invites one expert of the pool (an assignment of kind
 * KEY_EVALUATION, as the platform records it) and the expert scores the agency's indicators, each
 * within a point or so of the agency's — beside it, never in the total.
 */
function inviteExpert({ r, s, evaluationId, n, sheet, step }: ExpertStep): void {
  const expertId = `expert.${String(1 + ((n * 7) % 40)).padStart(3, '0')}`;
  const assignments = assignmentStreamId('KEY_EVALUATION', evaluationId);
  step(r.int(0, 2));
  s.run(
    assignmentDecider,
    assignments,
    {
      type: 'GrantAssignments',
      kind: 'KEY_EVALUATION',
      subjectId: evaluationId,
      assigneeUserIds: [expertId],
      reason: '从评审专家库抽取，参与重点评价评分 (drawn from the expert pool to score the key evaluation)',
    },
    PERFORMANCE_SECTION,
  );
  s.forget(assignments);
  step(r.int(1, 4));
  const expert: Actor = { actorId: expertId, role: 'EXPERT', unitId: null };
  const scores = sheet.map((x) => {
    const points = Math.max(0, Math.min(x.maxPoints, x.points + Math.round((r.next() * 2 - 1) * 2) / 2));
    return { ...x, points, reason: points < x.maxPoints ? '专家复核意见' : null };
  });
  s.run(
    keyEvaluationDecider,
    keyEvaluationStreamId(evaluationId),
    {
      type: 'GiveExpertEvaluationScores',
      evaluationId,
      actor: { role: expert.role, unitId: null },
      expertId,
      scores,
      context: { invited: [expertId] },
    },
    expert,
  );
}
