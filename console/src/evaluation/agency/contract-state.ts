/** Where a contract's period stands on a day: not begun, in force (both ends included), or ended. */
export type ContractState = 'PENDING' | 'IN_FORCE' | 'ENDED';

/** Days are `YYYY-MM-DD`, so they compare as strings. */
export const contractState = (contract: { from: string; to: string }, today: string): ContractState =>
  today < contract.from ? 'PENDING' : today > contract.to ? 'ENDED' : 'IN_FORCE';

export const CONTRACT_STATE_TAGS: Record<ContractState, { text: string; color: 'blue' | 'success' | 'default' }> = {
  PENDING: { text: '未到期限', color: 'blue' },
  IN_FORCE: { text: '履行期内', color: 'success' },
  ENDED: { text: '已到期', color: 'default' },
};

/** Today in China's time (UTC+8), `YYYY-MM-DD`: the day the platform checks a contract against. */
export const chinaToday = (now: Date = new Date()): string =>
  new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
