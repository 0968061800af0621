import { CREDIT_CODE_CHARACTERS, creditCodeCheckCharacter, type EventMetadata, type NewEvent } from '@jixiao/events';
import { clientIpOf, Rng, Streams, type Actor, type CityYear, type GeneratorSteps } from '@jixiao/generator';
import { agencyDecider, agencyStreamId, type RatedEvaluationFacts } from './agency.decider';

const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };

/** The city's agencies, in the order they are bought in; the demo year takes the first three. */
const AGENCIES = (
  [
    ['agency.tianheng', '湖北天衡会计师事务所有限公司', '会计师事务所执业证书'],
    ['agency.chutian', '湖北楚天工程咨询有限公司', '工程咨询单位甲级资信'],
    ['agency.zhengxin', '天门市正信资产评估有限公司', '资产评估机构备案'],
    ['agency.huaxin', '湖北中审华信税务师事务所有限公司', '税务师事务所行政登记'],
    ['agency.huazhong', '武汉华中绩效评价研究院', '民办非企业单位登记'],
    ['agency.changjiang', '湖北长江财经咨询有限公司', '会计师事务所执业证书'],
  ] as const
).map(([user, name, licence]) => ({
  user,
  name,
  qualification: `${licence}；湖北省预算绩效管理第三方机构库入库`,
}));
const METHODS = ['PUBLIC_TENDER', 'COMPETITIVE_CONSULTATION'] as const;

/** One generated agency: what the key-evaluation generator assigns under (its id and contract). */
export interface GeneratedAgency {
  agencyId: string;
  /** The agency's demo user (the actor of its work; the first is the console's demo sign-in `agency.tianheng`). */
  userId: string;
  name: string;
  creditCode: string;
  contractNumber: string;
  /** The contract's period, `YYYY-MM-DD`. */
  from: string;
  to: string;
}

/** How many agencies a year buys in: three in the demo year, six in a city-sized one. */
const agencyCount = (year: Pick<CityYear, 'scale'>) => (year.scale.goals <= 100 ? 3 : AGENCIES.length);

const DAY = 86_400_000;
const RATING_COMMENTS = [
  '评价报告结构完整，问题揭示充分，建议具有可操作性',
  '现场核查扎实，证据资料齐全，个别指标评分依据说明不足',
  '按合同约定时限完成评价，问卷样本量充足，报告修改及时',
  '评价结论客观，整改建议针对性较强，底稿整理需进一步规范',
];

/** The agencies' own randomness, from the year's seed: the shared sequence stays as it was. */
const rngOf = (seed: number) => new Rng((seed ^ 0x5a9e7c31) >>> 0);

/**
 * The year's agencies, a pure function of the year's seed and scale: the key-evaluation generator
 * calls it to assign its evaluations under these contracts (the contracts run over the year after
 * the fiscal year, when key evaluations are carried out).
 */
export function generatedAgencies(year: Pick<CityYear, 'seed' | 'scale'>): GeneratedAgency[] {
  const r = rngOf(year.seed);
  const next = year.scale.fiscalYear + 1;
  return AGENCIES.slice(0, agencyCount(year)).map((a, n) => {
    const organisation = Array.from({ length: 9 }, () => r.pick([...CREDIT_CODE_CHARACTERS])).join('');
    const first17 = `91${year.scale.divisionCode}${organisation}`;
    return {
      agencyId: r.uuid(),
      userId: a.user,
      name: a.name,
      creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
      contractNumber: `TMCZ-${next}-${String(n + 1).padStart(3, '0')}`,
      from: `${next}-03-${String(10 + n).padStart(2, '0')}`,
      to: `${next}-12-31`,
    };
  });
}

/**
 * The agency streams of a year as the agency step left them (their states and versions), and its
 * clock: the rating step, which comes later, appends to the same streams.
 */
const agencyStreamsOf = new WeakMap<CityYear, { streams: Streams; at(time: number): void }>();

/** The platform's metadata of one actor's command, drawn from `r`. */
const metadataOf =
  (r: Rng) =>
  (actor: Actor): EventMetadata => ({
    actorId: actor.actorId,
    role: actor.role,
    unitId: actor.unitId,
    commandId: r.uuid(),
    correlationId: r.uuid(),
    clientIp: clientIpOf(actor.actorId),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
  });

/**
 * 第三方机构 in the city's year: after the year's work, the bureau registers its agencies, announces
 * the procurement result (one announcement for all, early in the next year) and signs each one's
 * contract. Ratings follow the key evaluations, which this step does not generate.
 */
export function agencyGenerator(): GeneratorSteps {
  let now = 0;
  return {
    finish(year) {
      // the events' own draws (command ids, methods, amounts), apart from the agencies' ids and codes
      const r = new Rng((year.seed ^ 0x3c11b2d7) >>> 0);
      const s = new Streams(metadataOf(r), () => new Date(now));
      agencyStreamsOf.set(year, { streams: s, at: (time) => (now = time) });
      const next = year.scale.fiscalYear + 1;
      const method = r.pick(METHODS);
      const agencies = generatedAgencies(year);
      agencies.forEach((a, n) => {
        const stream = agencyStreamId(a.agencyId);
        now = Date.UTC(next, 1, 20 + n, 2, 0, 0); // late February, 10:00 in China
        s.run(
          agencyDecider,
          stream,
          {
            type: 'RegisterAgency',
            agencyId: a.agencyId,
            name: a.name,
            creditCode: a.creditCode,
            qualification: AGENCIES[n]!.qualification,
            divisionCode: year.scale.divisionCode,
            creditCodeHolder: null,
          },
          PERFORMANCE_SECTION,
        );
        now = Date.UTC(next, 2, 5, 2, 0, n);
        s.run(
          agencyDecider,
          stream,
          {
            type: 'AnnounceAgencyProcurement',
            agencyId: a.agencyId,
            method,
            announcedOn: `${next}-03-05`,
            resultRef: `天财采〔${next}〕${r.int(10, 40)}号`,
          },
          PERFORMANCE_SECTION,
        );
        now = Date.UTC(next, 2, 10 + n, 2, 0, 0);
        s.run(
          agencyDecider,
          stream,
          {
            type: 'SignAgencyContract',
            agencyId: a.agencyId,
            contractNumber: a.contractNumber,
            signedOn: a.from,
            from: a.from,
            to: a.to,
            scope: `${year.scale.fiscalYear}年度财政重点绩效评价：委托的项目支出、部门整体支出和政策评价`,
            amountFen: r.int(18, 60) * 10_000 * 100,
          },
          PERFORMANCE_SECTION,
        );
      });
      year.streams.out.push(...s.drain());
    },
  };
}

/** A key evaluation of the year as its stream says: the agency it was assigned to, and when its final report came in. */
interface FinishedEvaluation extends RatedEvaluationFacts {
  evaluationId: string;
  finalizedAt: number;
}

/** The year's key evaluations (`keyevaluation-<id>` appends of the key-evaluation step) that reached their final report. */
function finishedEvaluations(year: CityYear): FinishedEvaluation[] {
  const found = new Map<string, { kind?: string; evaluatorId?: string; finalizedAt?: number }>();
  for (const append of year.streams.out) {
    if (!append.streamId.startsWith('keyevaluation-')) continue;
    for (const e of append.events as NewEvent[]) {
      const d = e.data as { evaluationId: string; kind?: string; evaluatorId?: string };
      const seen = found.get(d.evaluationId) ?? {};
      if (e.type === 'KeyEvaluationPlanned') seen.kind = d.kind;
      if (e.type === 'KeyEvaluationAssigned') seen.evaluatorId = d.evaluatorId;
      if (e.type === 'KeyEvaluationFinalized') seen.finalizedAt = append.recordedAt?.getTime() ?? 0;
      found.set(d.evaluationId, seen);
    }
  }
  return [...found].flatMap(([evaluationId, e]) =>
    e.kind === 'FINANCE_KEY' && e.evaluatorId && e.finalizedAt !== undefined
      ? [{ evaluationId, agencyId: e.evaluatorId, finalReached: true, finalizedAt: e.finalizedAt }]
      : [],
  );
}

/**
 * 评价质量评定 in the city's year: after the key-evaluation step (its part comes after key
 * evaluation's), the bureau rates each generated agency's work on every key evaluation it brought to
 * its final report, some weeks after the report.
 */
export function agencyRatingGenerator(): GeneratorSteps {
  return {
    finish(year) {
      const shared = agencyStreamsOf.get(year);
      const agencies = new Set(generatedAgencies(year).map((a) => a.agencyId));
      const finished = finishedEvaluations(year).filter((e) => agencies.has(e.agencyId!));
      if (!shared || finished.length === 0) return;
      const r = new Rng((year.seed ^ 0x2b7e1516) >>> 0);
      for (const evaluation of finished) {
        const at = evaluation.finalizedAt + r.int(14, 30) * DAY;
        shared.at(at);
        shared.streams.run(
          agencyDecider,
          agencyStreamId(evaluation.agencyId!),
          {
            type: 'RateAgency',
            agencyId: evaluation.agencyId!,
            evaluationId: evaluation.evaluationId,
            score: r.int(72, 98),
            comments: r.pick(RATING_COMMENTS),
            ratedOn: new Date(at + 8 * 3_600_000).toISOString().slice(0, 10),
            evaluation,
          },
          PERFORMANCE_SECTION,
        );
      }
      year.streams.out.push(...shared.streams.drain());
    },
  };
}
