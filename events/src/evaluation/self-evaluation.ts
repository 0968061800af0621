/**
 * 单位自评 — the self-evaluation events: the year's notice and its tasks, the unit's filled score
 * sheet, the department's review, the bureau's spot check, acceptance or return (DOMAIN.md,
 * "Self-evaluation"; issue 16).
 */
export const selfEvaluationEvents = [] as const;
