import type { UnitKey, Fixture } from './fixture';
import { as, type TestPlatform } from './platform';
import type { Probe } from './probes';

const section = as('PERFORMANCE_SECTION', null, 'fixture.performance');

/** A head over the log as it is (sealed by the bureau first), and its size. */
async function sealed(p: TestPlatform): Promise<number> {
  const r = await p.gql<{ sealTreeHead: { head: { treeSize: number } } }>(
    'mutation { sealTreeHead { head { treeSize } } }',
    undefined,
    section,
  );
  if (r.errors) throw new Error(`sealing for the probe failed: ${JSON.stringify(r.errors)}`);
  return r.data!.sealTreeHead.head.treeSize;
}

/** The first event of the unit's goal: what an inclusion proof is asked for. */
async function goalEventOf(p: TestPlatform, f: Fixture, u: UnitKey): Promise<string> {
  const events = await p.allEvents();
  const event = events.find((e) => e.streamId === `goal-${f.goalIds[u]}`);
  if (!event) throw new Error(`no event of goal ${f.goalIds[u]}`);
  return event.eventId;
}

/** The audit context's tree heads and proofs: the log as a whole, so every unit's row is reached alike. */
export const TREE_HEAD_PROBES: Record<string, Probe> = {
  'Mutation.sealTreeHead': (p, _f, c) => p.gql('mutation { sealTreeHead { sealed } }', undefined, c),
  'Query.sealerKey': (p, _f, c) => p.gql('{ sealerKey { keyId } }', undefined, c),
  'Query.treeHeads': async (p, _f, c) => {
    await sealed(p);
    return p.gql('{ treeHeads(limit: 1) { treeSize } }', undefined, c);
  },
  'Query.inclusionProof': async (p, f, c, u) => {
    const [eventId] = await Promise.all([goalEventOf(p, f, u), sealed(p)]);
    return p.gql('query($e: String!) { inclusionProof(eventId: $e) { leafIndex } }', { e: eventId }, c);
  },
  'Query.consistencyProof': async (p, _f, c) => {
    const size = await sealed(p);
    return p.gql('query($n: Int!) { consistencyProof(first: $n, second: $n) { proof } }', { n: size }, c);
  },
  'Query.verifyTreeHead': async (p, _f, c) => {
    await sealed(p);
    return p.gql('{ verifyTreeHead { ok } }', undefined, c);
  },
};
