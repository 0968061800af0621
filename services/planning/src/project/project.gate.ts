import type { GATE_CONDITIONS } from '@jixiao/events';

/** What the project-library gate looks at, gathered from the goal and pre-assessment read models. */
export interface GateFacts {
  /** An approved (or issued, adjusted) goal of the project, if any. */
  approvedGoalId: string | null;
  /** A concluded pre-assessment of the project that passed and was not rejected, if any. */
  passedPreAssessmentId: string | null;
}

/** The catalog's GATE_CONDITIONS. */
export type GateCondition = (typeof GATE_CONDITIONS)[number];

export interface GateBlocker {
  condition: GateCondition;
  zh: string;
  en: string;
}

/**
 * 入库条件 (DOMAIN.md): an approved goal, and for a new major project a passed pre-assessment.
 * Returns what is missing; empty means the project may enter the library.
 */
export function libraryGateBlockers(project: { isNew: boolean; isMajor: boolean }, facts: GateFacts): GateBlocker[] {
  const blockers: GateBlocker[] = [];
  if (!facts.approvedGoalId) {
    blockers.push({
      condition: 'APPROVED_GOAL',
      zh: '缺少已批准的绩效目标：请先设定绩效目标并通过审核',
      en: 'No approved performance goal: set a goal and get it approved first',
    });
  }
  if (project.isNew && project.isMajor && !facts.passedPreAssessmentId) {
    blockers.push({
      condition: 'PASSED_PRE_ASSESSMENT',
      zh: '新增重大项目须通过事前绩效评估，目前没有通过的评估',
      en: 'A new major project needs a passed pre-assessment, and it has none',
    });
  }
  return blockers;
}
