/**
 * 财政重点评价 — the key-evaluation events: agencies bought in, the year's plan, assignment,
 * fieldwork evidence, scores per dimension and indicator, report versions, feedback and answers,
 * the final report, results notified, the agency's rating (DOMAIN.md, "Key evaluation"; issue 16).
 */
export const keyEvaluationEvents = [] as const;
