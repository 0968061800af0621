import { CONTEXTS } from '@jixiao/contexts';
import { generateCityYear, SCALES } from '@jixiao/generator';
import { processPlan, subgraphDefinitions, workerPools } from '@jixiao/infra';
import { composeSupergraph } from '@jixiao/schema';
import { catalogOf, policyOf, projectionsOf, streamCategoriesOf } from '@jixiao/service-kit';
import { noticeContext } from './support/notice-context';
import { as, startTestPlatform } from './support/platform';

/**
 * docs/architecture/adding-a-context.md, proved: a context that exists only in this test is added to
 * the list of contexts — and nowhere else — and the catalog, the policy, the Kafka topics, the worker
 * pools, the distributed process plan, composition and the running gateway all have it.
 */
describe('a context added to the list, with no other edit', () => {
  const contexts = [...CONTEXTS, noticeContext];

  it('is in the catalog, the policy, the stream categories (topics) and the projections', () => {
    expect(catalogOf(contexts).definition('NoticePosted')).toBeDefined();
    expect(catalogOf(CONTEXTS).definition('NoticePosted')).toBeUndefined();
    expect(policyOf(contexts)['Mutation.postNotice']).toEqual({ PERFORMANCE_SECTION: 'ALL' });
    expect(streamCategoriesOf(contexts)).toEqual([...streamCategoriesOf(CONTEXTS), 'notice']);
    expect(projectionsOf(contexts).map((p) => p.name)).toContain('notice.notices');
  });

  it('writes its part of the generated city year (the demo data), after the contexts before it', () => {
    const types = [...generateCityYear({ contexts, scale: SCALES.demo })]
      .flat()
      .flatMap((a) => a.events.map((e) => e.type));
    expect(types.filter((t) => t === 'NoticePosted')).toHaveLength(1);
    expect(types.indexOf('NoticePosted')).toBeGreaterThan(types.lastIndexOf('IndicatorTemplateAdded'));
    expect(types.indexOf('NoticePosted')).toBeLessThan(types.indexOf('ProjectProposed'));
  });

  it('gets its worker pool and its service process in distributed mode', () => {
    expect(workerPools(contexts)).toContainEqual(['notice', ['notice.notices']]);
    const plan = processPlan(4000, '127.0.0.1', contexts);
    expect(plan.backends.map((p) => p.name)).toEqual(expect.arrayContaining(['notice', 'worker-notice']));
    expect(plan.gateway.env).toHaveProperty('JIXIAO_NOTICE_URL');
  });

  it('is composed into the supergraph', async () => {
    const supergraph = composeSupergraph(await subgraphDefinitions(contexts));
    expect(supergraph).toMatch(/postNotice\(commandId: ID, title: String!\): Notice! @join__field\(graph: NOTICE\)/);
    expect(supergraph).toMatch(/join__Graph[\s\S]*NOTICE/);
  });

  it('refuses a second context claiming an operation or a stream category of another', () => {
    const clash = { ...noticeContext, name: 'clash', projections: [] };
    expect(() => policyOf([...contexts, clash])).toThrow(
      'operation Query.notices is declared by both notice and clash',
    );
    expect(() => streamCategoriesOf([...contexts, { ...clash, policy: {} }])).toThrow(
      'stream category notice is declared by both notice and clash',
    );
  });

  it('serves its operations through the gateway, under its policy rows, read-your-writes included', async () => {
    const platform = await startTestPlatform({ contexts });
    try {
      const posted = await platform.gql(
        'mutation ($t: String!) { postNotice(title: $t, commandId: "n-1") { id title } }',
        { t: '关于开展2024年度绩效自评的通知' },
        as('PERFORMANCE_SECTION'),
      );
      expect(posted.errors).toBeUndefined();
      expect(posted.data!.postNotice.title).toBe('关于开展2024年度绩效自评的通知');
      const listed = await platform.gql('{ notices { id title } }', undefined, as('AUDITOR'));
      expect(listed.data!.notices).toEqual([posted.data!.postNotice]);
      // a role the context's rows leave out is refused, and nothing is written
      const before = (await platform.allEvents()).length;
      const refused = await platform.gql(
        'mutation { postNotice(title: "x") { id } }',
        undefined,
        as('BUDGET_UNIT', 'u1'),
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await platform.allEvents()).length).toBe(before);
      // the audit context reads its stream like any other: the hash chain holds
      const verified = await platform.gql(
        'query ($s: String!) { verifyStream(streamId: $s) { ok eventCount } }',
        { s: `notice-${posted.data!.postNotice.id}` },
        as('AUDITOR'),
      );
      expect(verified.data!.verifyStream).toEqual({ ok: true, eventCount: 1 });
    } finally {
      await platform.dispose();
    }
  });
});
