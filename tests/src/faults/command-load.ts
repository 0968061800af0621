import { randomUUID } from 'node:crypto';
import {
  as,
  goalInput,
  JOINT_REVIEWERS,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  validIndicators,
  type Caller,
  type TestPlatform,
} from '../support/platform';

/** The commands the load sends: the planning year's path of a goal, from its unit to its approval. */
export type CommandKind =
  | 'registerBudgetUnit'
  | 'proposeProject'
  | 'draftGoal'
  | 'reviseIndicator'
  | 'submitDraft'
  | 'recordReviewOpinion'
  | 'reviewGoal';

/** A command the platform acknowledged: it answered with data and no error. */
export interface AckedCommand {
  commandId: string;
  kind: CommandKind;
  /** For a goal command, the goal's version in the answer: the stream version its events end at. */
  version?: number;
}

export interface CommandLoad {
  /** Commands acknowledged so far. */
  readonly acknowledged: number;
  readonly acked: readonly AckedCommand[];
  /** Attempts sent again with the same command id after a network error, a 5xx, a timeout or a server-side error. */
  readonly retries: number;
  /** The reasons of those retries, counted: `NOT_YET_VISIBLE`, `HTTP 502`, `fetch failed`, … */
  readonly retriedFor: Record<string, number>;
  /** Commands refused for good (a domain error): none is expected, each would be a bug. */
  readonly refused: readonly string[];
  /** Answers that did not show their own command's change (read-your-writes broken): none is expected. */
  readonly stale: readonly string[];
  /** The prefix of every command id this load sends. */
  readonly prefix: string;
  /** Lets each flow finish the command it is on (retrying until acknowledged), then stops. */
  stop(): Promise<void>;
  /** Stops at once, without waiting for a command in flight to be acknowledged (a failed test's clean-up). */
  abandon(): Promise<void>;
}

const GOAL = `id status version indicators { id targetValue revisionCount } opinions { reviewerRole }`;
const DRAFT_GOAL = `mutation($input: DraftGoalInput!) { draftGoal(input: $input) { ${GOAL} } }`;
const REVISE = `mutation($input: ReviseIndicatorInput!) { reviseIndicator(input: $input) { ${GOAL} } }`;
const SUBMIT_DRAFT = `mutation($input: SubmitDraftInput!) { submitDraft(input: $input) { ${GOAL} } }`;
const OPINION = `mutation($input: RecordReviewOpinionInput!) { recordReviewOpinion(input: $input) { ${GOAL} } }`;
const REVIEW = `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { ${GOAL} } }`;

/** Codes of a refusal that a retry cannot change; anything else (or no answer at all) is retried. */
const FINAL_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_STATE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

interface Goal {
  id: string;
  status: string;
  version: number;
  indicators: { id: string; targetValue: number | null; revisionCount: number }[];
  opinions: { reviewerRole: string }[];
}

/**
 * `flows` clients, each registering its own budget unit, then over and over: propose a project,
 * draft its goal, revise an indicator, submit, have the joint review return it, revise and submit
 * again, and have it approved — every mutation through the gateway with a `commandId` of its own,
 * sent again with the same id after a network error, an HTTP 5xx, a timeout or a server-side
 * error (`NOT_YET_VISIBLE` included) until the platform answers with data. Each answer must show
 * the command's own change (read-your-writes): the goal's next version and state.
 */
export function startCommandLoad(
  platform: { url: string; mint: TestPlatform['mint'] },
  options: { flows?: number; timeoutMs?: number } = {},
): CommandLoad {
  const prefix = `load-${randomUUID().slice(0, 8)}`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const acked: AckedCommand[] = [];
  const refused: string[] = [];
  const stale: string[] = [];
  const retriedFor: Record<string, number> = {};
  let retries = 0;
  let stopped = false;
  let abandoned = false;
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = async (caller: Caller) => {
    if ('token' in caller) return caller.token ?? '';
    const key = `${caller.role}/${caller.unitId ?? ''}/${caller.userId ?? ''}`;
    if (!tokens.has(key)) tokens.set(key, platform.mint(caller));
    return tokens.get(key)!;
  };

  /** Sends one command until it is acknowledged; throws only when it is refused for good. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary per mutation
  const send = async (kind: CommandKind, query: string, input: object, caller: Caller): Promise<any> => {
    const commandId = `${prefix}-${randomUUID()}`;
    const body = JSON.stringify({ query, variables: { input: { ...input, commandId } } });
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await tokenOf(caller)}`,
    };
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(platform.url, { headers, body, timeoutMs });
      if ('root' in outcome) {
        const version = outcome.root?.version;
        acked.push({ commandId, kind, ...(typeof version === 'number' ? { version } : {}) });
        return outcome.root;
      }
      if ('refused' in outcome) {
        refused.push(`${kind} ${commandId}: ${outcome.refused}`);
        throw new Error(`${kind} refused: ${outcome.refused}`);
      }
      if (abandoned) throw new Error(`${kind} abandoned: ${outcome.retry}`);
      retries++;
      retriedFor[outcome.retry] = (retriedFor[outcome.retry] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 100 * Math.min(attempt, 10)));
    }
  };

  /** The goal's answer must be at `version` (one more than before) and pass `check`. */
  const expectGoal = (what: string, goal: Goal, version: number, check: (g: Goal) => boolean) => {
    if (goal.version !== version || !check(goal))
      stale.push(`${what}: expected version ${version}, answered ${JSON.stringify(goal)}`);
    return goal;
  };

  const flow = async (n: number) => {
    const admin = as('ADMIN', null, 'load.admin');
    const unit = await send(
      'registerBudgetUnit',
      REGISTER_UNIT,
      { code: `${prefix}-${n}`, name: `故障测试单位 ${n}`, level: 'FIRST', divisionCode: '429006' },
      admin,
    );
    const officer = as('BUDGET_UNIT', unit.id, `load.officer.${n}`);
    const performance = as('PERFORMANCE_SECTION', null, 'load.performance');
    while (!stopped) {
      const project = await send('proposeProject', PROPOSE_PROJECT, projectInput(unit.id, { isMajor: false }), officer);
      if (stopped) return;
      let goal: Goal = await send('draftGoal', DRAFT_GOAL, goalInput(project.id), officer);
      expectGoal('draftGoal', goal, 1, (g) => g.status === 'DRAFT');
      for (const [round, result] of ['RETURN', 'APPROVE'].entries()) {
        if (stopped) return;
        const first = goal.indicators[0]!;
        const revisions = first.revisionCount;
        const revised: Goal = await send(
          'reviseIndicator',
          REVISE,
          {
            goalId: goal.id,
            reason: '按年度计划调整',
            indicator: { ...validIndicators()[0], id: first.id, targetValue: 13 + round },
          },
          officer,
        );
        goal = expectGoal('reviseIndicator', revised, goal.version + 1, (g) => {
          const after = g.indicators.find((i) => i.id === first.id);
          return after?.targetValue === 13 + round && after.revisionCount === revisions + 1;
        });
        if (stopped) return;
        const submitted: Goal = await send('submitDraft', SUBMIT_DRAFT, { goalId: goal.id }, officer);
        goal = expectGoal('submitDraft', submitted, goal.version + 1, (g) => g.status === 'FINANCE_REVIEW');
        for (const reviewer of JOINT_REVIEWERS) {
          if (stopped) return;
          const comments = result === 'RETURN' ? [{ indicatorId: first.id, comment: '数量目标应与年度计划一致' }] : [];
          const opinions = goal.opinions.length;
          const opinion: Goal = await send(
            'recordReviewOpinion',
            OPINION,
            { goalId: goal.id, opinion: result, indicatorComments: comments },
            reviewer,
          );
          goal = expectGoal(
            'recordReviewOpinion',
            opinion,
            goal.version + 1,
            (g) => g.opinions.length === opinions + 1,
          );
        }
        if (stopped) return;
        const reviewed: Goal = await send(
          'reviewGoal',
          REVIEW,
          { goalId: goal.id, result, comment: result === 'RETURN' ? '请按联审意见修改' : '' },
          performance,
        );
        goal = expectGoal(
          'reviewGoal',
          reviewed,
          goal.version + 1,
          (g) => g.status === (result === 'RETURN' ? 'RETURNED' : 'APPROVED'),
        );
      }
    }
  };

  const flows = Array.from({ length: options.flows ?? 4 }, (_, n) => flow(n).catch(() => undefined));
  return {
    get acknowledged() {
      return acked.length;
    },
    acked,
    get retries() {
      return retries;
    },
    retriedFor,
    refused,
    stale,
    prefix,
    async stop() {
      stopped = true;
      await Promise.all(flows);
    },
    async abandon() {
      stopped = abandoned = true;
      await Promise.all(flows);
    },
  };
}

/**
 * One POST: the answer's root field, a refusal for good (a domain error), or why to retry — no
 * answer in time, no connection, an HTTP 5xx, or errors whose codes are not final.
 */
async function attemptOnce(
  url: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary per mutation
): Promise<{ root: any } | { refused: string } | { retry: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const raw = await response.text();
    if (response.status >= 500) return { retry: `HTTP ${response.status}` };
    const answer = JSON.parse(raw) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? 'no code');
    if (codes.length === 0 && answer.data) return { root: Object.values(answer.data)[0] };
    if (codes.some((c) => FINAL_CODES.has(c))) return { refused: raw };
    return { retry: codes.join(',') || `HTTP ${response.status} without data` };
  } catch (error) {
    return { retry: (error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message };
  }
}

/** What the store holds of the load's commands, against what the load was told. */
export interface CommandAudit {
  /** Acknowledged commands with no event in the store. */
  lost: string[];
  /** Command ids whose events are not exactly the one append the store recorded for them (a double, or a part). */
  doubled: string[];
  /** Goal commands whose answer showed another version than the one their events end at. */
  misanswered: string[];
  /** Command ids with events in the store that the load never saw acknowledged. */
  unacknowledged: string[];
  /** Acknowledged commands found whole and once: the comparison is not of empty sets. */
  whole: number;
}

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * Both directions between the load and the store, by the command id each event carries in its
 * metadata: every acknowledged command's events are there, and each is exactly the single append
 * `event_commands` recorded for it (a retry that wrote again would add events outside that range).
 */
export async function auditCommands(query: Query, schema: string, load: CommandLoad): Promise<CommandAudit> {
  const { rows } = await query(
    `SELECT e.metadata->>'commandId' AS command_id, e.stream_id, e.stream_version,
            c.stream_id AS recorded_stream, c.from_version, c.to_version
     FROM "${schema}".events e LEFT JOIN "${schema}".event_commands c ON c.command_id = e.metadata->>'commandId'
     WHERE e.metadata->>'commandId' LIKE $1`,
    [`${load.prefix}-%`],
  );
  const stored = new Map<string, typeof rows>();
  for (const row of rows) stored.set(String(row.command_id), [...(stored.get(String(row.command_id)) ?? []), row]);
  const audit: CommandAudit = { lost: [], doubled: [], misanswered: [], unacknowledged: [], whole: 0 };
  for (const ack of load.acked) {
    const events = stored.get(ack.commandId);
    if (!events) {
      audit.lost.push(`${ack.kind} ${ack.commandId}`);
      continue;
    }
    const { recorded_stream, from_version, to_version } = events[0]!;
    const once =
      recorded_stream !== null &&
      events.length === Number(to_version) - Number(from_version) + 1 &&
      events.every(
        (e) =>
          e.stream_id === recorded_stream &&
          Number(e.stream_version) >= Number(from_version) &&
          Number(e.stream_version) <= Number(to_version),
      );
    if (!once) audit.doubled.push(`${ack.kind} ${ack.commandId}: ${JSON.stringify(events)}`);
    else if (ack.version !== undefined && ack.version !== Number(to_version))
      audit.misanswered.push(`${ack.kind} ${ack.commandId}: answered v${ack.version}, stored up to v${to_version}`);
    else audit.whole++;
  }
  const acknowledged = new Set(load.acked.map((a) => a.commandId));
  audit.unacknowledged = [...stored.keys()].filter((id) => !acknowledged.has(id));
  return audit;
}

/**
 * The load's refusals and stale answers beside the audit, so one comparison with `cleanAudit`
 * shows every problem at once.
 */
export async function verdictOf(query: Query, schema: string, load: CommandLoad) {
  return { refused: load.refused, stale: load.stale, ...(await auditCommands(query, schema, load)) };
}

/** The verdict on a load that lost nothing, doubled nothing, and saw every change in its answer. */
export function cleanAudit(load: CommandLoad): Awaited<ReturnType<typeof verdictOf>> {
  const none: string[] = [];
  return {
    refused: none,
    stale: none,
    lost: none,
    doubled: none,
    misanswered: none,
    unacknowledged: none,
    whole: load.acknowledged,
  };
}
