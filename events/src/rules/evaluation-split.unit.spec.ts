import { splitIssues } from './evaluation-split';

const DEFAULT = { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 };

describe('a key-evaluation split', () => {
  it('of DOMAIN.md (15/20/35/30) stands', () => {
    expect(splitIssues(DEFAULT, 60)).toEqual([]);
  });

  it('must add up to exactly 100 (99.99 and 100.01 do not; 0.1 + 0.2 drift does not matter)', () => {
    expect(splitIssues({ ...DEFAULT, DECISION: 14.99 }, 60)).toEqual([
      {
        path: 'split',
        zh: '决策、过程、产出、效益分值合计应为 100，现为 14.99 + 20 + 35 + 30 = 99.99',
        en: 'DECISION, PROCESS, OUTPUT and BENEFIT must add up to 100, not 14.99 + 20 + 35 + 30 = 99.99',
      },
    ]);
    expect(splitIssues({ ...DEFAULT, DECISION: 15.01 }, 60, 'rules.split')).toEqual([
      expect.objectContaining({ path: 'rules.split', en: expect.stringContaining('= 100.01') }),
    ]);
    expect(splitIssues({ DECISION: 0.1, PROCESS: 0.2, OUTPUT: 69.7, BENEFIT: 30 }, 60)).toEqual([]);
  });

  it('must give output + benefit at least the profile’s minimum: 60 stands, 59.99 does not', () => {
    expect(splitIssues({ DECISION: 20, PROCESS: 20, OUTPUT: 30, BENEFIT: 30 }, 60)).toEqual([]);
    expect(splitIssues({ DECISION: 20, PROCESS: 20.01, OUTPUT: 29.99, BENEFIT: 30 }, 60)).toEqual([
      {
        path: 'split',
        zh: '产出与效益合计应不低于 60%，现为 29.99 + 30 = 59.99',
        en: 'OUTPUT and BENEFIT together must carry at least 60 %, not 29.99 + 30 = 59.99',
      },
    ]);
    expect(splitIssues({ DECISION: 20, PROCESS: 20.01, OUTPUT: 29.99, BENEFIT: 30 }, 59.99)).toEqual([]);
  });

  it('has each dimension from 0 to 100', () => {
    expect(splitIssues({ ...DEFAULT, DECISION: -1, PROCESS: 36 }, 60)).toEqual([
      {
        path: 'split.DECISION',
        zh: 'DECISION 维度分值应为 0 至 100，现为 -1',
        en: "The DECISION dimension's points must be from 0 to 100, not -1",
      },
    ]);
    expect(splitIssues({ DECISION: 0, PROCESS: 0, OUTPUT: 100.5, BENEFIT: -0.5 }, 60).map((i) => i.path)).toEqual([
      'split.OUTPUT',
      'split.BENEFIT',
    ]);
    expect(splitIssues({ DECISION: 0, PROCESS: 0, OUTPUT: 100, BENEFIT: 0 }, 60)).toEqual([]);
    expect(splitIssues({ ...DEFAULT, PROCESS: Number.NaN }, 60).map((i) => i.path)).toEqual(['split.PROCESS']);
  });
});
