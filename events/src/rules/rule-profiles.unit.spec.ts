import { BUILTIN_PROFILES, gradeOf, pickRuleProfile, profileCandidates, type RuleProfile } from './rule-profiles';

const NATIONAL = {
  preAssessment: {
    passMark: 85,
    dimensionMaxPoints: {
      NECESSITY: 20,
      ECONOMY: 20,
      GOAL_REASONABLENESS: 20,
      FEASIBILITY: 20,
      FINANCING_COMPLIANCE: 20,
    },
  },
  gradeBands: { EXCELLENT: 90, GOOD: 80, FAIR: 60 },
  selfEvaluationWeights: { budgetExecution: 10, output: 50, benefit: 30, satisfaction: 10 },
  indicatorCatalogueVersion: '2021',
  questioningSponsors: { county: 3, prefecture: 5, province: 5, national: 10 },
  budgetCutPercentByGrade: { EXCELLENT: 0, GOOD: 0, FAIR: 10, POOR: 20 },
  jointReviewRoles: ['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'],
  goalResubmissionDays: 15,
  monitoring: { executionTolerancePoints: 0 },
  evaluation: {
    spotCheckPercent: 10,
    keyEvaluationSplit: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
    minOutputBenefitPercent: 60,
  },
};

const published = (divisionCode: string, fiscalYear: number, version = 1): RuleProfile => ({
  ref: { profileId: `${divisionCode}-${fiscalYear}`, version },
  name: `${divisionCode} ${fiscalYear}`,
  divisionCode,
  fiscalYear,
  rules: { ...NATIONAL, goalResubmissionDays: 10 } as RuleProfile['rules'],
});

describe('the built-in rule profiles', () => {
  it('are the national defaults of DOMAIN.md, and Hubei’s with its own self-evaluation weights, every number', () => {
    // the mutation run leaves these module-level constants out (static mutants): this test holds them
    expect(BUILTIN_PROFILES).toEqual([
      {
        ref: { profileId: 'builtin-national', version: 1 },
        name: '全国默认规则 (national defaults)',
        divisionCode: '000000',
        fiscalYear: null,
        rules: NATIONAL,
      },
      {
        ref: { profileId: 'builtin-hubei', version: 1 },
        name: '湖北省规则 (Hubei profile)',
        divisionCode: '420000',
        fiscalYear: null,
        rules: {
          ...NATIONAL,
          selfEvaluationWeights: { budgetExecution: 20, output: 40, benefit: 40, satisfaction: 0 },
        },
      },
    ]);
  });
});

describe('the profile in force', () => {
  it('is looked for from the county up through its prefecture and province to the nation, each once', () => {
    expect(profileCandidates('429006')).toEqual(['429006', '429000', '420000', '000000']);
    expect(profileCandidates('420000')).toEqual(['420000', '000000']);
    expect(profileCandidates('000000')).toEqual(['000000']);
  });

  it('is the nearest division’s profile published for that year, else the nearest built-in one', () => {
    const county = published('429006', 2024);
    const province = published('420000', 2024);
    expect(pickRuleProfile('429006', 2024, [province, county])).toBe(county);
    expect(pickRuleProfile('429005', 2024, [province, county])).toBe(province);
    expect(pickRuleProfile('429006', 2025, [province, county]).ref.profileId).toBe('builtin-hubei');
    expect(pickRuleProfile('110105', 2024, [province, county]).ref.profileId).toBe('builtin-national');
    // a county's own profile is nearer than the province's built-in one
    expect(pickRuleProfile('429006', 2024, [county])).toBe(county);
  });
});

describe('grades by the bands', () => {
  const bands = { EXCELLENT: 90, GOOD: 80, FAIR: 60 };
  it.each([
    [100, 'EXCELLENT'],
    [90, 'EXCELLENT'],
    [89.99, 'GOOD'],
    [80, 'GOOD'],
    [79.99, 'FAIR'],
    [60, 'FAIR'],
    [59.99, 'POOR'],
    [0, 'POOR'],
  ])('%d is %s', (score, grade) => {
    expect(gradeOf(score, bands)).toBe(grade);
  });
});
