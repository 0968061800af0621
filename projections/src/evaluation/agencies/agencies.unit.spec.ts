import { recordedEvent } from '../../runner/recorded.testing';
import { AGENCY_EVENTS, agenciesProjection, averageScoreOf, evolveAgency } from './agencies.projection';
import type { AgencyRow } from './agencies.entities';

const stream = 'agency-a1';
const registered = recordedEvent(stream, 1, 'AgencyRegistered', {
  agencyId: 'a1',
  name: '湖北天衡会计师事务所',
  creditCode: '91350100M000100Y43',
  qualification: '会计师事务所执业证书',
  divisionCode: '429006',
});
const announced = recordedEvent(stream, 2, 'AgencyProcurementAnnounced', {
  agencyId: 'a1',
  method: 'PUBLIC_TENDER',
  announcedOn: '2024-03-01',
  resultRef: '天财采〔2024〕12号',
});
const contract = (version: number, contractNumber: string) =>
  recordedEvent(stream, version, 'AgencyContractSigned', {
    agencyId: 'a1',
    contractNumber,
    signedOn: '2024-03-05',
    from: '2024-03-05',
    to: '2024-12-31',
    scope: '2023年度重点项目绩效评价',
    amountFen: 36_000_000,
  });
const rated = (version: number, evaluationId: string, score: number) =>
  recordedEvent(stream, version, 'AgencyRated', {
    agencyId: 'a1',
    evaluationId,
    score,
    comments: '报告规范',
    ratedOn: '2024-12-10',
  });

const fold = (events: ReturnType<typeof recordedEvent>[]): AgencyRow | null =>
  events.reduce<AgencyRow | null>((row, e) => evolveAgency(row, e), null);

describe('the agencies read model (第三方机构)', () => {
  it('handles every event of the agency stream', () => {
    expect(agenciesProjection.handles).toEqual(AGENCY_EVENTS);
    expect(agenciesProjection.name).toBe('evaluation.agencies');
  });

  it('holds the registration, the procurement, the contracts in order and the ratings with their average', () => {
    const row = fold([
      registered,
      announced,
      contract(3, 'C-1'),
      contract(4, 'C-2'),
      rated(5, 'k1', 90),
      rated(6, 'k2', 85),
    ]);
    expect(row).toMatchObject({
      agencyId: 'a1',
      streamId: stream,
      lastVersion: 6,
      name: '湖北天衡会计师事务所',
      creditCode: '91350100M000100Y43',
      qualification: '会计师事务所执业证书',
      divisionCode: '429006',
      procurement: { method: 'PUBLIC_TENDER', announcedOn: '2024-03-01', resultRef: '天财采〔2024〕12号' },
      ratingCount: 2,
      averageScore: 87.5,
    });
    expect(row!.contracts.map((c) => c.contractNumber)).toEqual(['C-1', 'C-2']);
    expect(row!.contracts[0]).toEqual({
      contractNumber: 'C-1',
      signedOn: '2024-03-05',
      from: '2024-03-05',
      to: '2024-12-31',
      scope: '2023年度重点项目绩效评价',
      amountFen: 36_000_000,
    });
    expect(row!.ratings).toEqual([
      { evaluationId: 'k1', score: 90, comments: '报告规范', ratedOn: '2024-12-10' },
      { evaluationId: 'k2', score: 85, comments: '报告规范', ratedOn: '2024-12-10' },
    ]);
  });

  it('starts with no procurement, contracts or ratings', () => {
    expect(fold([registered])).toMatchObject({
      procurement: null,
      contracts: [],
      ratings: [],
      ratingCount: 0,
      averageScore: null,
      lastVersion: 1,
    });
  });

  it('ignores events before the registration and events it does not handle', () => {
    expect(evolveAgency(null, announced)).toBeNull();
    const row = fold([registered]);
    expect(evolveAgency(row, recordedEvent(stream, 2, 'SomethingElse', {}))).toBe(row);
  });

  it('averages to two decimals', () => {
    expect(averageScoreOf([])).toBeNull();
    const r = (score: number) => ({ evaluationId: 'k', score, comments: 'c', ratedOn: '2024-12-10' });
    expect(averageScoreOf([r(90), r(85), r(81)])).toBe(85.33);
    expect(averageScoreOf([r(100)])).toBe(100);
  });
});
