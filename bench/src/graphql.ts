import autocannon from 'autocannon';
import type { ServedPlatform } from './child';
import { paced } from './paced';
import { figureOf, type Figure } from './stats';

export interface QueryCase {
  name: string;
  /** Through a gateway. */
  query: string;
  /** The same question asked of the planning subgraph alone (it cannot resolve other subgraphs' fields). */
  direct: string;
  variables?: Record<string, unknown>;
}

export interface Load {
  p50: Figure;
  p99: Figure;
  rps: Figure;
  errors: number;
}

export interface CaseFigures {
  name: string;
  /** At a fixed arrival rate. */
  fixed: Record<'ours' | 'apollo' | 'subgraph', Load>;
  /** As fast as 10 connections can go. */
  max: Record<'ours' | 'apollo' | 'subgraph', Load>;
}

async function fire(url: string, body: string, headers: Record<string, string>, seconds: number, rate?: number) {
  // a fixed rate is an open-loop arrival process of our own (see `paced`); saturation is autocannon's
  if (rate) return paced(url, body, headers, seconds, rate);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: 10,
    duration: seconds,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

/** Checks the answer is data, not errors, before timing it: a benchmark of error responses measures nothing. */
async function check(url: string, body: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const answer = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!answer.data || answer.errors) throw new Error(`${url} answered ${JSON.stringify(answer).slice(0, 300)}`);
}

async function loadOf(
  url: string,
  body: string,
  headers: Record<string, string>,
  seconds: number,
  runs: number,
  rate?: number,
): Promise<Load> {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fire(url, body, headers, seconds, rate));
  return {
    p50: figureOf(samples.map((s) => s.p50)),
    p99: figureOf(samples.map((s) => s.p99)),
    rps: figureOf(samples.map((s) => s.rps)),
    errors: samples.reduce((n, s) => n + s.errors, 0),
  };
}

/** e. p50/p99 and achieved req/s at `rate` req/s, and the req/s at saturation, for each target. */
export async function graphqlLoad(
  p: ServedPlatform,
  c: QueryCase,
  rate: number,
  seconds: number,
  runs: number,
): Promise<CaseFigures> {
  const body = JSON.stringify({ query: c.query, variables: c.variables });
  const direct = JSON.stringify({ query: c.direct, variables: c.variables });
  // our gateway takes the user's token; @apollo/gateway and the subgraph get the gateway assertion
  const { gateway, assertion } = p.credentials;
  const targets = {
    ours: [p.url, body, gateway],
    apollo: [p.apolloUrl, body, assertion],
    subgraph: [p.subgraphUrls.planning!, direct, assertion],
  } as const;
  for (const [url, b, auth] of Object.values(targets)) await check(url, b, await auth());
  const fixed = {} as CaseFigures['fixed'];
  const max = {} as CaseFigures['max'];
  for (const [name, [url, b, auth]] of Object.entries(targets) as [
    keyof typeof targets,
    (typeof targets)['ours' | 'apollo'],
  ][]) {
    fixed[name] = await loadOf(url, b, await auth(), seconds, runs, rate);
    max[name] = await loadOf(url, b, await auth(), seconds, runs);
  }
  return { name: c.name, fixed, max };
}
