import { CONTEXTS, STREAM_CATEGORIES } from '@jixiao/contexts';
import { executionContext } from '@jixiao/execution';
import { processPlan, workerPools } from '@jixiao/infra';

/** What `npm start` in distributed mode runs for the execution context (issue 15), from the platform's own list. */
describe('the process plan of distributed mode for the execution context', () => {
  const plan = processPlan(4000, '127.0.0.1', CONTEXTS);

  it('gives execution its own service process behind the gateway', () => {
    const service = plan.backends.find((p) => p.name === 'execution');
    expect(service).toMatchObject({ entry: 'service-main', args: ['execution'], env: { JIXIAO_HOST: '127.0.0.1' } });
    expect(plan.gateway.env?.JIXIAO_EXECUTION_URL).toBe(`${service!.health}/graphql`);
  });

  it('gives execution its own projection worker pool with every execution projection, and none of another context', () => {
    const pool = plan.backends.find((p) => p.name === 'worker-execution');
    expect(pool?.entry).toBe('worker-main');
    const names = executionContext.projections.map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'execution.disbursement-requests',
        'execution.disbursement-standing',
        'execution.monitoring-rounds',
        'execution.monitoring-reports',
      ]),
    );
    expect(pool?.env?.JIXIAO_PROJECTIONS?.split(',')).toEqual(names);
    const elsewhere = workerPools(CONTEXTS).filter(([context]) => context !== 'execution');
    expect(elsewhere.flatMap(([, projections]) => projections).filter((n) => n.startsWith('execution.'))).toEqual([]);
  });

  it('publishes the execution streams on topics of their own, and runs its deadline and reaction in the reactions process', () => {
    expect(STREAM_CATEGORIES).toEqual(expect.arrayContaining(['disbursement', 'monitoringround', 'monitoring']));
    expect(executionContext.deadlines?.length).toBeGreaterThan(0);
    expect(plan.backends.map((p) => p.name)).toContain('reactions');
  });
});
