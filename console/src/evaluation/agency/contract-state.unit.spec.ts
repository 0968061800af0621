import { describe, expect, it } from '@jest/globals';
import { chinaToday, contractState } from './contract-state';

describe('a contract’s period on a day', () => {
  const contract = { from: '2024-03-01', to: '2024-12-31' };

  it('is not begun the day before it starts, in force from its first to its last day, ended the day after', () => {
    expect(contractState(contract, '2024-02-29')).toBe('PENDING');
    expect(contractState(contract, '2024-03-01')).toBe('IN_FORCE');
    expect(contractState(contract, '2024-07-15')).toBe('IN_FORCE');
    expect(contractState(contract, '2024-12-31')).toBe('IN_FORCE');
    expect(contractState(contract, '2025-01-01')).toBe('ENDED');
  });

  it('counts the day in China: 16:00 UTC is already the next day there, 15:59 not yet', () => {
    expect(chinaToday(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(chinaToday(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});
