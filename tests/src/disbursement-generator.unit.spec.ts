import { createHash } from 'node:crypto';
import { CONTEXTS } from '@jixiao/contexts';
import type { BatchAppend } from '@jixiao/events';
import { generateCityYear, SCALES, type Scale } from '@jixiao/generator';
import type { ContextModule } from '@jixiao/service-kit';

const EXECUTION_STREAMS = /^(disbursement|monitoring|monitoringround)-/;

function* appendsOf(scale: Scale, contexts: readonly ContextModule[] = CONTEXTS): Generator<BatchAppend> {
  for (const chunk of generateCityYear({ contexts, scale })) yield* chunk;
}

/** The requests of a generated year, folded from their events: status, amount, documents. */
function requestsOf(scale: Scale) {
  const requests = new Map<string, { status: string; amountFen: number; submissions: number; documents: number }>();
  const unitsOfGoals = new Map<string, string>();
  for (const a of appendsOf(scale)) {
    for (const e of a.events) {
      const d = e.data as {
        goalId: string;
        unitId: string;
        amountFen: number;
        documents: unknown[];
        outcome: string;
        submission: number;
      };
      if (e.type === 'GoalSubmitted' || e.type === 'GoalDrafted') unitsOfGoals.set(d.goalId, d.unitId);
      if (!a.streamId.startsWith('disbursement-')) continue;
      const r = requests.get(a.streamId);
      if (e.type === 'DisbursementRequested') {
        expect(unitsOfGoals.get(d.goalId)).toBe(d.unitId);
        requests.set(a.streamId, {
          status: 'REQUESTED',
          amountFen: d.amountFen,
          submissions: 1,
          documents: d.documents.length,
        });
      } else if (e.type === 'DisbursementOpinionSigned') r!.status = d.outcome;
      else if (e.type === 'DisbursementResubmitted') {
        Object.assign(r!, { status: 'REQUESTED', amountFen: d.amountFen, submissions: d.submission });
        r!.documents += d.documents.length;
      }
    }
  }
  return { requests: [...requests.values()] };
}

/** SHA-256 over the appends of every stream but execution's. */
function fingerprintBeside(scale: Scale, contexts: readonly ContextModule[]): string {
  const hash = createHash('sha256');
  for (const a of appendsOf(scale, contexts)) {
    if (EXECUTION_STREAMS.test(a.streamId)) continue;
    hash.update(JSON.stringify({ ...a, recordedAt: a.recordedAt?.toISOString() }));
  }
  return hash.digest('hex');
}

describe('the disbursement review in the generated year', () => {
  it('leaves every other context’s events as they were (its own seeded randomness and clock)', () => {
    const without = CONTEXTS.map((c) => (c.name === 'execution' ? { ...c, generator: undefined } : c));
    expect(fingerprintBeside(SCALES.demo, CONTEXTS)).toBe(fingerprintBeside(SCALES.demo, without));
  });

  it('the demo year has requests in every state: cleared, held, held → corrected → cleared, waiting', () => {
    const { requests } = requestsOf(SCALES.demo);
    const states = new Set(requests.map((r) => `${r.status}/${r.submissions}`));
    expect([...states]).toEqual(expect.arrayContaining(['CLEARED/1', 'HELD/1', 'CLEARED/2', 'REQUESTED/1']));
    expect(requests.every((r) => r.documents >= 1 && r.amountFen > 0)).toBe(true);
  });

  it('the Tianmen year has about 1,000 requests summing to about 1 billion yuan', () => {
    const { requests } = requestsOf(SCALES.tianmen);
    expect(requests.length).toBeGreaterThan(850);
    expect(requests.length).toBeLessThan(1_150);
    const yuan = requests.reduce((sum, r) => sum + r.amountFen, 0) / 100;
    expect(yuan).toBeGreaterThan(0.8e9);
    expect(yuan).toBeLessThan(1.2e9);
  }, 180_000);
});
