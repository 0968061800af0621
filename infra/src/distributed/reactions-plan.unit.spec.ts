import type { ContextModule } from '@jixiao/service-kit';
import { processPlan } from './supervisor';

const context = (name: string, extra: Partial<ContextModule> = {}) =>
  ({ name, projections: [], subgraph: async () => ({}), ...extra }) as unknown as ContextModule;

describe('the reactions process in the distributed plan', () => {
  it('runs after the relay, with a health port, when a context has a reaction or a deadline', () => {
    for (const extra of [
      { reactions: [{ name: 'x.r' }] },
      { deadlines: [{ name: 'x.d' }] },
    ] as unknown as Partial<ContextModule>[]) {
      const plan = processPlan(4000, '127.0.0.1', [context('x', extra)]);
      expect(plan.backends.map((p) => [p.name, p.entry, p.env?.JIXIAO_HEALTH_PORT])).toEqual([
        ['x', 'service-main', undefined],
        ['relay', 'relay-main', '4002'],
        ['reactions', 'reactions-main', '4003'],
      ]);
      expect(plan.backends.at(-1)!.ready.test('reactions started: x.r')).toBe(true);
      expect(plan.supervisorPort).toBe(4004);
    }
  });

  it('is left out when no context has any', () => {
    const plan = processPlan(4000, '127.0.0.1', [context('x', { reactions: [], deadlines: [] })]);
    expect(plan.backends.map((p) => p.name)).toEqual(['x', 'relay']);
  });
});
