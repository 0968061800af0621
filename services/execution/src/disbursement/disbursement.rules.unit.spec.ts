import { EventCatalog, executionEvents } from '@jixiao/events';
import { disbursementFacts, type ProjectStanding } from './disbursement.rules';

const standing = (over: Partial<ProjectStanding> = {}): ProjectStanding => ({
  goalStatus: 'ISSUED',
  budgetFen: 120_000_000,
  executedFen: 70_000_000,
  latestLikelihoods: ['ON_TRACK', 'ON_TRACK'],
  stopFunding: false,
  heldBefore: 0,
  ...over,
});

describe('the opinion form’s facts, pre-filled from the read models', () => {
  it('shows an issued goal under goal management, 58.33 % executed, on track', () => {
    expect(disbursementFacts(standing())).toEqual({
      goalSet: true,
      goalStatus: 'ISSUED',
      inGoalManagement: true,
      executionRate: '58.33',
      latestLikelihood: 'ON_TRACK',
      stopFunding: false,
      heldBefore: 0,
    });
  });

  it.each([
    ['APPROVED', true],
    ['ISSUED', true],
    ['ADJUSTED', true],
    ['DRAFT', false],
    ['SUBMITTED', false],
    ['FINANCE_REVIEW', false],
    ['RETURNED', false],
  ] as const)('counts a goal %s as under goal management: %s', (goalStatus, inGoalManagement) => {
    expect(disbursementFacts(standing({ goalStatus }))).toMatchObject({ goalSet: true, inGoalManagement });
  });

  it('shows no goal set, and so none under management', () => {
    expect(disbursementFacts(standing({ goalStatus: null }))).toMatchObject({
      goalSet: false,
      goalStatus: null,
      inGoalManagement: false,
    });
  });

  it('shows no execution rate before any figure, or without a budget', () => {
    expect(disbursementFacts(standing({ executedFen: null })).executionRate).toBeNull();
    expect(disbursementFacts(standing({ budgetFen: 0 })).executionRate).toBeNull();
    expect(disbursementFacts(standing({ executedFen: 0 })).executionRate).toBe('0.00');
  });

  it('shows the latest report’s worst likelihood, and none before any report', () => {
    expect(disbursementFacts(standing({ latestLikelihoods: ['ON_TRACK', 'AT_RISK'] })).latestLikelihood).toBe(
      'AT_RISK',
    );
    expect(
      disbursementFacts(standing({ latestLikelihoods: ['AT_RISK', 'IMPOSSIBLE', 'ON_TRACK'] })).latestLikelihood,
    ).toBe('IMPOSSIBLE');
    expect(disbursementFacts(standing({ latestLikelihoods: [] })).latestLikelihood).toBeNull();
  });

  it('carries a stop-funding decision and earlier holds as they are', () => {
    expect(disbursementFacts(standing({ stopFunding: true, heldBefore: 2 }))).toMatchObject({
      stopFunding: true,
      heldBefore: 2,
    });
  });

  it('fits the event catalog’s schema of the facts shown', () => {
    const catalog = new EventCatalog(executionEvents);
    const event = {
      type: 'DisbursementOpinionSigned',
      data: {
        requestId: 'r1',
        outcome: 'CLEARED',
        shown: disbursementFacts(standing({ executedFen: 120_000_000 })),
        overrides: [],
        reasons: [],
        comment: null,
        submission: 1,
      },
    };
    expect(() => catalog.validate(event)).not.toThrow();
  });
});
