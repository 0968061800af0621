import { signedValue } from './disbursement.overrides';

const at = (i: number) => `overrides[${i}].signed`;

describe('a correction’s signed value, from the text GraphQL carries', () => {
  it('reads true and false for the yes/no facts, and refuses anything else at the field', () => {
    expect(signedValue({ fact: 'goalSet', signed: 'true' }, 0)).toEqual({ value: true, issues: [] });
    expect(signedValue({ fact: 'inGoalManagement', signed: 'false' }, 1)).toEqual({ value: false, issues: [] });
    for (const signed of ['TRUE', 'yes', '', null, undefined]) {
      const { issues } = signedValue({ fact: 'goalSet', signed }, 2);
      expect(issues).toEqual([{ path: at(2), zh: '应填 true 或 false', en: 'Give true or false' }]);
    }
  });

  it('takes a percent with two decimals, or none, for the execution rate', () => {
    expect(signedValue({ fact: 'executionRate', signed: '58.33' }, 0)).toEqual({ value: '58.33', issues: [] });
    expect(signedValue({ fact: 'executionRate', signed: '100.00' }, 0)).toEqual({ value: '100.00', issues: [] });
    expect(signedValue({ fact: 'executionRate', signed: null }, 0)).toEqual({ value: null, issues: [] });
    for (const signed of ['58.3', '58', '1000.00', '-1.00', '58.333', ' 58.33']) {
      expect(signedValue({ fact: 'executionRate', signed }, 3).issues.map((i) => i.path)).toEqual([at(3)]);
    }
  });

  it('takes a likelihood of the catalog, or none, for the latest monitoring', () => {
    for (const signed of ['ON_TRACK', 'AT_RISK', 'IMPOSSIBLE', null]) {
      expect(signedValue({ fact: 'latestLikelihood', signed }, 0)).toEqual({ value: signed, issues: [] });
    }
    const { issues } = signedValue({ fact: 'latestLikelihood', signed: 'on_track' }, 1);
    expect(issues).toEqual([
      {
        path: at(1),
        zh: '完成可能性应为 ON_TRACK、AT_RISK、IMPOSSIBLE 之一',
        en: 'Give one of ON_TRACK, AT_RISK, IMPOSSIBLE',
      },
    ]);
  });

  it('refuses a fact the form does not have, at the fact', () => {
    expect(signedValue({ fact: 'stopFunding', signed: 'false' }, 4)).toEqual({
      value: null,
      issues: [{ path: 'overrides[4].fact', zh: '未知的事实', en: 'Unknown fact' }],
    });
  });
});
