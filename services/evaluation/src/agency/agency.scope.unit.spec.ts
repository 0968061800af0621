import { agencyOf, contractCovers } from './agency.scope';

describe('agencyOf', () => {
  it('is the unit of an AGENCY token, null for other roles or without a unit', () => {
    expect(agencyOf({ role: 'AGENCY', unitId: 'a1' })).toBe('a1');
    expect(agencyOf({ role: 'AGENCY', unitId: null })).toBeNull();
    expect(agencyOf({ role: 'AGENCY', unitId: '' })).toBeNull();
    expect(agencyOf({ role: 'BUDGET_UNIT', unitId: 'a1' })).toBeNull();
  });
});

describe('contractCovers', () => {
  const contract = {
    contractNumber: 'C-1',
    signedOn: '2024-03-01',
    from: '2024-03-05',
    to: '2024-12-31',
    scope: '重点评价',
    amountFen: 1,
  };
  const agency = {
    contracts: [contract, { ...contract, contractNumber: 'C-2', from: '2025-01-01', to: '2025-06-30' }],
  };

  it('covers the days of the named contract’s period, both ends included', () => {
    expect(contractCovers(agency, 'C-1', '2024-03-05')).toBe(true);
    expect(contractCovers(agency, 'C-1', '2024-12-31')).toBe(true);
    expect(contractCovers(agency, 'C-1', '2024-03-04')).toBe(false);
    expect(contractCovers(agency, 'C-1', '2025-01-01')).toBe(false);
    expect(contractCovers(agency, 'C-2', '2025-01-01')).toBe(true);
  });

  it('covers nothing under a number the agency does not have', () => {
    expect(contractCovers(agency, 'C-3', '2024-05-01')).toBe(false);
    expect(contractCovers({ contracts: [] }, 'C-1', '2024-05-01')).toBe(false);
  });
});
