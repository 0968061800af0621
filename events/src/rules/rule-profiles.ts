import type { RuleProfileRef, RuleSet } from '../planning/rule-profile';

/** One version of a rule profile: the numbers in force for a division and fiscal year. */
export interface RuleProfile {
  ref: RuleProfileRef;
  name: string;
  /** 6-digit division code the profile covers; `000000` is national. */
  divisionCode: string;
  /** Null for a built-in profile, which applies to every year until a division publishes its own. */
  fiscalYear: number | null;
  rules: RuleSet;
}

const NATIONAL_RULES: RuleSet = {
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
  // DOMAIN.md leaves the cut per grade to each region; these are our defaults, meant to be overridden
  budgetCutPercentByGrade: { EXCELLENT: 0, GOOD: 0, FAIR: 10, POOR: 20 },
  jointReviewRoles: ['BUDGET_SECTION', 'PERFORMANCE_SECTION', 'EXPERT'],
  // DOMAIN.md names no period for resubmitting a returned goal: our default, meant to be overridden
  goalResubmissionDays: 15,
  // DOMAIN.md: at the end of July anything below 7/12 warns; a region may allow a tolerance, none by default
  monitoring: { executionTolerancePoints: 0 },
  // DOMAIN.md: spot-check 10 % of units; key evaluations split 15 / 20 / 35 / 30, output + benefit at least 60 %
  evaluation: {
    spotCheckPercent: 10,
    keyEvaluationSplit: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
    minOutputBenefitPercent: 60,
  },
};

/** The profiles that ship with the platform (DOMAIN.md): national defaults and Hubei's. */
export const BUILTIN_PROFILES: readonly RuleProfile[] = [
  {
    ref: { profileId: 'builtin-national', version: 1 },
    name: '全国默认规则 (national defaults)',
    divisionCode: '000000',
    fiscalYear: null,
    rules: NATIONAL_RULES,
  },
  {
    ref: { profileId: 'builtin-hubei', version: 1 },
    name: '湖北省规则 (Hubei profile)',
    divisionCode: '420000',
    fiscalYear: null,
    rules: {
      ...NATIONAL_RULES,
      // Hubei: execution 20, output 40, benefit incl. satisfaction 40
      selfEvaluationWeights: { budgetExecution: 20, output: 40, benefit: 40, satisfaction: 0 },
    },
  },
];

/**
 * The divisions whose profile applies to `divisionCode`, nearest first: the county itself,
 * its prefecture, its province, then the nation. `429006` → `429006, 429000, 420000, 000000`.
 */
export function profileCandidates(divisionCode: string): string[] {
  const chain = [divisionCode, `${divisionCode.slice(0, 4)}00`, `${divisionCode.slice(0, 2)}0000`, '000000'];
  return [...new Set(chain)];
}

/**
 * The profile in force for a division and year: the nearest division's published profile for
 * that year (its latest version), else the nearest built-in one.
 * @param published the latest published version per (division, year) among the candidates
 */
export function pickRuleProfile(
  divisionCode: string,
  fiscalYear: number,
  published: readonly RuleProfile[],
): RuleProfile {
  for (const candidate of profileCandidates(divisionCode)) {
    const own = published.find((p) => p.divisionCode === candidate && p.fiscalYear === fiscalYear);
    if (own) return own;
    const builtin = BUILTIN_PROFILES.find((p) => p.divisionCode === candidate);
    if (builtin) return builtin;
  }
  return BUILTIN_PROFILES[0]!;
}

/** 等级: the grade of a score under a profile's bands. */
export function gradeOf(score: number, bands: RuleSet['gradeBands']): 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR' {
  if (score >= bands.EXCELLENT) return 'EXCELLENT';
  if (score >= bands.GOOD) return 'GOOD';
  if (score >= bands.FAIR) return 'FAIR';
  return 'POOR';
}
