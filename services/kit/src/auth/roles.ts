/** Every role a token may carry, in the order the policy tables (docs/policy/) list them. */
export const ROLES = [
  'PERFORMANCE_SECTION',
  'BUDGET_SECTION',
  'BUDGET_UNIT',
  'DEPARTMENT',
  'EXPERT',
  'AGENCY',
  'NPC',
  'AUDITOR',
  'PERSONNEL',
  'ADMIN',
] as const;

export type Role = (typeof ROLES)[number];

/** Chinese names, for the policy tables and for messages users read. */
export const ROLE_LABELS: Record<Role, string> = {
  PERFORMANCE_SECTION: '财政局绩效科',
  BUDGET_SECTION: '财政局预算科',
  BUDGET_UNIT: '预算单位',
  DEPARTMENT: '主管部门',
  EXPERT: '评审专家',
  AGENCY: '第三方机构',
  NPC: '人大',
  AUDITOR: '审计',
  PERSONNEL: '组织人事部门',
  ADMIN: '系统管理员',
};

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/**
 * 公众 — the pseudo-role of a caller without a token. A policy row naming it lets anyone run that
 * query (the published goals); no token ever carries it (`isRole` refuses it), and the gateway gives
 * it only to a request without a token whose every root field is such a query.
 */
export const PUBLIC = 'PUBLIC' as const;
export type Public = typeof PUBLIC;
export const PUBLIC_LABEL = '公众（无需登录）';

/** The caller of a request without a token, as the gateway's assertion names it to the subgraphs. */
export interface PublicCaller {
  userId: 'anonymous';
  role: Public;
  unitId: null;
}
export const PUBLIC_CALLER: PublicCaller = { userId: 'anonymous', role: PUBLIC, unitId: null };

/** The caller, as a verified token (and then the gateway's assertion) says. */
export interface Identity {
  userId: string;
  role: Role;
  /** The budget unit the user works for; required for BUDGET_UNIT and DEPARTMENT. */
  unitId: string | null;
}
