import { as, startTestPlatform } from './support/platform';

const QUERY = `{
  returnReasons(fiscalYear: 2023) {
    returnDecisions returnOpinions withoutIndicatorComment
    byReviewer { reviewerRole label count }
    byIndicatorCategory { level1 label count }
  }
  goals(filter: { fiscalYear: 2023 }, page: { first: 200 }) {
    nodes {
      indicators { id level1 }
      reviews { result reviewerRole indicatorComments { indicatorId } }
      opinions { opinion reviewerRole indicatorComments { indicatorId } }
    }
  }
}`;

interface Entry {
  reviewerRole: string;
  indicatorComments: { indicatorId: string }[];
}

describe('returnReasons on the demo year (统计分析: returns by reason)', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform({ seed: 'demo' });
    await platform.caughtUp();
  });
  afterAll(() => platform.dispose());

  it('adds up to the returns the goals themselves record, by reviewer and by indicator category', async () => {
    const { data, errors } = await platform.gql(QUERY, undefined, as('AUDITOR'));
    expect(errors).toBeUndefined();
    const goals = data!.goals.nodes as {
      indicators: { id: string; level1: string }[];
      reviews: (Entry & { result: string })[];
      opinions: (Entry & { opinion: string })[];
    }[];
    const returns = goals.flatMap((goal) => [
      ...goal.reviews.filter((r) => r.result === 'RETURN').map((entry) => ({ goal, entry })),
      ...goal.opinions.filter((o) => o.opinion === 'RETURN').map((entry) => ({ goal, entry })),
    ]);
    const reasons = data!.returnReasons;
    expect(returns.length).toBeGreaterThan(0);
    expect(reasons.returnDecisions + reasons.returnOpinions).toBe(returns.length);
    const byRole = new Map<string, number>();
    for (const { entry } of returns) byRole.set(entry.reviewerRole, (byRole.get(entry.reviewerRole) ?? 0) + 1);
    expect(
      Object.fromEntries(
        reasons.byReviewer.map((r: { reviewerRole: string; count: number }) => [r.reviewerRole, r.count]),
      ),
    ).toEqual(Object.fromEntries(byRole));
    const comments = returns.flatMap(({ goal, entry }) =>
      entry.indicatorComments.map((c) => goal.indicators.find((i) => i.id === c.indicatorId)?.level1 ?? 'REMOVED'),
    );
    const byCategory = new Map<string, number>();
    for (const level1 of comments) byCategory.set(level1, (byCategory.get(level1) ?? 0) + 1);
    expect(
      Object.fromEntries(
        reasons.byIndicatorCategory.map((r: { level1: string; count: number }) => [r.level1, r.count]),
      ),
    ).toEqual(Object.fromEntries(byCategory));
    expect(reasons.withoutIndicatorComment).toBe(
      returns.filter(({ entry }) => entry.indicatorComments.length === 0).length,
    );
    // labels in Chinese for the chart
    expect(reasons.byReviewer.every((r: { label: string }) => /[\u4e00-\u9fa5]/.test(r.label))).toBe(true);
  });

  it('is the bureau’s figure: a budget unit may not read it', async () => {
    const { errors } = await platform.gql(
      `{ returnReasons(fiscalYear: 2023) { returnDecisions } }`,
      undefined,
      as('BUDGET_UNIT'),
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
