import { Agent } from 'node:http';
import type { Caller } from './child';
import { post } from './paced';
import { quantile } from './stats';

/** A platform to load: its gateway's URL and tokens for any caller. */
export interface SignTarget {
  url: string;
  as(caller: Caller): Promise<Record<string, string>>;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** What `results.json`'s `signOpinion` holds: one run of the signing load at one fixed rate. */
export interface SignFigures {
  date: string;
  /** `npm run bench:sign` or the stage of `npm run bench`. */
  how: string;
  scale: string;
  /** Requests waiting (REQUESTED) in the section's queue before the run. */
  waiting: number;
  /** Arrivals per second asked for, and how long the arrivals lasted. */
  rate: number;
  seconds: number;
  /** Signings started (one per waiting request, at most rate × seconds) and those signed without an error. */
  started: number;
  signed: number;
  /** Signings completed per second over the run. */
  achieved: number;
  /** From when a signing was due to the sign mutation's answer: the form query, then the command. */
  total: Percentiles;
  /** The pre-fill query alone (disbursementOpinionForm), and the command alone (signDisbursementOpinion). */
  form: Percentiles;
  sign: Percentiles;
  /** Errors by code (HTTP status or GraphQL error code). */
  errors: Record<string, number>;
  outcomes: Record<string, number>;
  caveat?: string;
}

const SIGNER: Caller = { userId: 'bench.signer', role: 'PERFORMANCE_SECTION', unitId: null };

const QUEUE = `query($page: PageInput) { disbursementQueue(page: $page) { totalCount nodes { request { id } } } }`;
const FORM = `query($id: ID!) { disbursementOpinionForm(requestId: $id) {
  allocated cleared otherOpen request { id status amount }
  facts { goalSet goalStatus inGoalManagement executionRate latestLikelihood stopFunding heldBefore } } }`;
const SIGN = `mutation($input: SignDisbursementOpinionInput!) { signDisbursementOpinion(input: $input) {
  id status opinion { outcome } } }`;

interface Facts {
  goalSet: boolean;
  inGoalManagement: boolean;
  stopFunding: boolean;
}

/** The section's decision on what the form shows: held while funding is stopped or without a goal under management, else cleared. */
export function opinionOn(facts: Facts): { outcome: 'CLEARED' | 'HELD'; reasons: string[]; comment: string } {
  if (facts.stopFunding) return { outcome: 'HELD', reasons: ['项目已被决定暂停拨款'], comment: '' };
  if (!facts.goalSet || !facts.inGoalManagement)
    return { outcome: 'HELD', reasons: ['绩效目标未纳入目标管理'], comment: '' };
  return { outcome: 'CLEARED', reasons: [], comment: '目标已下达，同意拨付' };
}

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(quantile(sorted, q) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

/** Every request waiting in the section's queue, the longest waiting first. */
async function waitingRequests(url: URL, agent: Agent, headers: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const answer = await post(
      agent,
      url,
      JSON.stringify({ query: QUEUE, variables: { page: { first: 200, offset } } }),
      headers,
    );
    const body = JSON.parse(answer.body || '{}') as {
      data?: { disbursementQueue: { totalCount: number; nodes: { request: { id: string } }[] } };
      errors?: unknown;
    };
    if (!body.data || body.errors)
      throw new Error(`disbursementQueue answered ${answer.status} ${answer.body.slice(0, 300)}`);
    ids.push(...body.data.disbursementQueue.nodes.map((n) => n.request.id));
    if (body.data.disbursementQueue.nodes.length < 200) return ids;
  }
}

/**
 * Signing opinions at a fixed arrival rate (issue 15): signing i is due at i / rate after the start
 * and begun then, whatever earlier ones are doing (open loop, as `paced`); it opens the opinion form
 * of the next waiting request (the pre-fill query, computed from the read models at that moment) and
 * signs on what the form shows (CLEARED, or HELD with a reason while funding is stopped or the goal
 * is not under management). Its time counts from when it was due to the command's answer.
 */
export async function signOpinionLoad(
  target: SignTarget,
  options: { rate: number; seconds: number; scale: string; how: string; log?: (text: string) => void },
): Promise<SignFigures> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const headers = await target.as(SIGNER);
  const waiting = await waitingRequests(url, agent, headers);
  const planned = Math.round(options.rate * options.seconds);
  const ids = waiting.slice(0, planned);
  if (ids.length === 0) throw new Error('no request is waiting in the disbursement queue: nothing to sign');
  if (ids.length < planned)
    options.log?.(
      `only ${ids.length} requests wait, ${planned} were planned: the run is ${ids.length / options.rate} s`,
    );
  // warm-up: the forms of the last waiting requests (read-only), so the first signings do not time the JIT
  for (const id of waiting.slice(-Math.min(20, waiting.length)))
    await post(agent, url, JSON.stringify({ query: FORM, variables: { id } }), headers);

  const totals: number[] = [];
  const forms: number[] = [];
  const signs: number[] = [];
  const errors: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const fail = (code: string) => (errors[code] = (errors[code] ?? 0) + 1);
  /** The parsed answer, or null after counting its error. */
  const ask = async <T>(query: string, variables: Record<string, unknown>): Promise<T | null> => {
    const answer = await post(agent, url, JSON.stringify({ query, variables }), headers);
    if (answer.status !== 200) return (fail(answer.failure ?? `HTTP ${answer.status}`), null);
    const body = JSON.parse(answer.body) as { data?: T; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) return (fail(body.errors?.[0]?.extensions?.code ?? 'GRAPHQL'), null);
    return body.data;
  };
  const signOne = async (id: string, due: number) => {
    const form = await ask<{ disbursementOpinionForm: { facts: Facts } }>(FORM, { id });
    const formDone = performance.now();
    if (!form) return;
    forms.push(formDone - due);
    const opinion = opinionOn(form.disbursementOpinionForm.facts);
    const signed = await ask<{ signDisbursementOpinion: { status: string } }>(SIGN, {
      input: { requestId: id, ...opinion },
    });
    const end = performance.now();
    if (!signed) return;
    signs.push(end - formDone);
    totals.push(end - due);
    const status = signed.signDisbursementOpinion.status;
    outcomes[status] = (outcomes[status] ?? 0) + 1;
  };

  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const [i, id] of ids.entries()) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(signOne(id, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    date: new Date().toISOString(),
    how: options.how,
    scale: options.scale,
    waiting: waiting.length,
    rate: options.rate,
    seconds: Math.round((ids.length / options.rate) * 10) / 10,
    started: ids.length,
    signed: totals.length,
    achieved: Math.round((totals.length / elapsed) * 10) / 10,
    total: percentiles(totals),
    form: percentiles(forms),
    sign: percentiles(signs),
    errors,
    outcomes,
  };
}

const TITLE = '## j. Signing a disbursement opinion (issue 15)';
/** Below this line the section's text is written by hand and kept when the figures are replaced. */
export const SIGN_NOTES_MARKER = '<!-- signing opinions: notes by hand below, kept on re-runs -->';
const n = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '—');
const ms = (p: Percentiles) => `${n(p.p50)} / ${n(p.p95)} / ${n(p.p99)} ms`;

/** The j row of the targets table: the issue sets no target, so the figure only. */
export function signTargetRow(f: SignFigures): string {
  return `| j | signing a disbursement opinion (the pre-fill query, then the command), ${f.scale} year, at a fixed ${f.rate}/s: p50 / p95 / p99 | ${ms(f.total)} | — | — |`;
}

export function signSection(f: SignFigures): string[] {
  const errors = Object.entries(f.errors);
  return [
    TITLE,
    '',
    `${f.how} on ${f.date.slice(0, 16).replace('T', ' ')} UTC, the embedded platform serving the ${f.scale} year: ` +
      `${n(f.waiting)} requests waiting in the performance section's queue. Signing i is due at i / ${f.rate} s and begun then ` +
      '(open loop): it opens the opinion form of the next request, oldest first (`disbursementOpinionForm`: the facts pre-filled ' +
      'from the read models at that moment), then signs on what it shows (`signDisbursementOpinion`, CLEARED — or HELD with a ' +
      'reason while funding is stopped or the goal is not under management); its time counts from when it was due to the ' +
      "command's answer, so a platform that falls behind shows it as latency." +
      (f.caveat ? ` **${f.caveat}**` : ''),
    '',
    '| rate | signings | achieved | form + sign, p50 / p95 / p99 | the form query | the sign command | outcomes | errors |',
    '|---|---|---|---|---|---|---|---|',
    `| ${f.rate}/s over ${n(f.seconds)} s | ${f.signed} of ${f.started} | ${n(f.achieved)}/s | ${ms(f.total)} | ${ms(f.form)} | ${ms(f.sign)} | ` +
      `${Object.entries(f.outcomes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} | ${errors.length ? errors.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'} |`,
    '',
  ];
}

/** The section's notes by hand (from its marker to the next section), if the file has them. */
function notesIn(lines: readonly string[]): string[] {
  const marker = lines.indexOf(SIGN_NOTES_MARKER);
  if (marker < 0) return [];
  const end = lines.findIndex((line, i) => i > marker && line.startsWith('## '));
  return lines.slice(marker, end < 0 ? lines.length : end);
}

/**
 * Replaces the j row and section of results.md with these figures (or removes them), keeping the
 * section's notes by hand — or taking them from `previous` (the file before `npm run bench` wrote it anew).
 */
export function spliceSign(markdown: string, f: SignFigures | undefined, previous?: string): string {
  const lines = markdown.split('\n').filter((line) => !line.startsWith('| j | signing a disbursement opinion'));
  let at = lines.indexOf(TITLE);
  let kept = notesIn(lines);
  if (kept.length === 0 && previous) kept = notesIn(previous.split('\n'));
  if (at >= 0) {
    const end = lines.findIndex((line, i) => i > at && line.startsWith('## '));
    lines.splice(at, (end < 0 ? lines.length : end) - at);
  } else {
    at = lines.findIndex((line) => line.startsWith('## What the misses come from'));
    if (at < 0) at = lines.length;
  }
  lines.splice(at, 0, ...(f ? signSection(f) : kept.length ? [TITLE, ''] : []), ...kept);
  if (f) {
    const lastTarget = lines.reduce((last, line, i) => (/^\| [a-i] \|/.test(line) ? i : last), -1);
    if (lastTarget >= 0) lines.splice(lastTarget + 1, 0, signTargetRow(f));
  }
  return lines.join('\n');
}
