import { as, startTestPlatform } from './support/platform';

const EVALUATION_FIELDS =
  'ref { profileId version } spotCheckPercent keyEvaluationSplit { dimension points } minOutputBenefitPercent';
const QUERY = `query($d: String!, $y: Int!) { ruleProfile(divisionCode: $d, fiscalYear: $y) { ${EVALUATION_FIELDS} } }`;
const PUBLISH = `mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { ${EVALUATION_FIELDS} } }`;
const base = { divisionCode: '429006', fiscalYear: 2025, name: '天门市 2025 年规则', reason: '调整评价规则' };
const DEFAULT_SPLIT = [
  { dimension: 'DECISION', points: 15 },
  { dimension: 'PROCESS', points: 20 },
  { dimension: 'OUTPUT', points: 35 },
  { dimension: 'BENEFIT', points: 30 },
];

/** The rule profile's evaluation section through the gateway: shown, refused when it does not add up, published. */
describe('a rule profile’s evaluation rules through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.dispose());

  it('shows DOMAIN.md’s defaults in the built-in profile in force', async () => {
    const result = await p.gql(QUERY, { d: '429006', y: 2025 }, as('PERFORMANCE_SECTION', null, 'e2e.performance'));
    expect(result.errors).toBeUndefined();
    expect(result.data?.ruleProfile).toEqual({
      ref: { profileId: 'builtin-hubei', version: 1 },
      spotCheckPercent: 10,
      keyEvaluationSplit: DEFAULT_SPLIT,
      minOutputBenefitPercent: 60,
    });
  });

  /** Publishes, expecting a refusal that writes nothing; returns the first error. */
  async function refused(input: Record<string, unknown>) {
    const before = await p.allEvents();
    const result = await p.gql(PUBLISH, { input: { ...base, ...input } }, as('ADMIN'));
    expect(await p.allEvents()).toEqual(before);
    expect(result.data?.publishRuleProfile ?? null).toBeNull();
    return result.errors![0]!;
  }

  it('refuses a split with output + benefit below 60 %, in both languages, writing nothing', async () => {
    const error = await refused({
      keyEvaluationSplit: [
        { dimension: 'PROCESS', points: 25.01 },
        { dimension: 'OUTPUT', points: 29.99 },
      ],
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues).toEqual([
      {
        path: 'keyEvaluationSplit',
        zh: '产出与效益合计应不低于 60%，现为 29.99 + 30 = 59.99',
        en: 'OUTPUT and BENEFIT together must carry at least 60 %, not 29.99 + 30 = 59.99',
      },
    ]);
  });

  it('refuses a split not adding up to 100 and a spot-check share above 100 at once', async () => {
    const error = await refused({
      spotCheckPercent: 100.01,
      keyEvaluationSplit: [{ dimension: 'DECISION', points: 15.01 }],
    });
    expect(error.extensions?.issues.map((i: { path: string }) => i.path)).toEqual([
      'spotCheckPercent',
      'keyEvaluationSplit',
    ]);
    expect(error.extensions?.messageEn).toContain('= 100.01');
  });

  it('publishes a division’s own evaluation rules for the year, leaving other years on the built-in ones', async () => {
    const published = await p.gql(
      PUBLISH,
      {
        input: {
          ...base,
          spotCheckPercent: 20,
          minOutputBenefitPercent: 65,
          keyEvaluationSplit: [
            { dimension: 'DECISION', points: 10 },
            { dimension: 'OUTPUT', points: 40 },
          ],
        },
      },
      as('ADMIN'),
    );
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishRuleProfile).toEqual({
      ref: { profileId: '429006-2025', version: 1 },
      spotCheckPercent: 20,
      keyEvaluationSplit: [
        { dimension: 'DECISION', points: 10 },
        { dimension: 'PROCESS', points: 20 },
        { dimension: 'OUTPUT', points: 40 },
        { dimension: 'BENEFIT', points: 30 },
      ],
      minOutputBenefitPercent: 65,
    });
    const [event] = await p.store.readStream('ruleprofile-429006-2025');
    expect(event).toMatchObject({
      type: 'RuleProfilePublished',
      schemaVersion: 4,
      data: {
        rules: {
          evaluation: {
            spotCheckPercent: 20,
            keyEvaluationSplit: { DECISION: 10, PROCESS: 20, OUTPUT: 40, BENEFIT: 30 },
            minOutputBenefitPercent: 65,
          },
        },
      },
    });
    const other = await p.gql(QUERY, { d: '429006', y: 2024 }, as('AUDITOR'));
    expect(other.data?.ruleProfile).toMatchObject({ spotCheckPercent: 10, keyEvaluationSplit: DEFAULT_SPLIT });
  });
});
