import { PRE_ASSESSMENT_DIMENSIONS, type RuleProfileRef, type RuleSet } from '@jixiao/events';
import type { Actor, Rng, Streams } from '@jixiao/generator';
import { preAssessmentDecider, preAssessmentStreamId } from '../pre-assessment/pre-assessment.decider';

const SCORE_REASONS = ['依据申报材料和现场踏勘', '参照同类项目历史数据', '实施方案论证较充分', '资金测算依据基本充分'];
const REPORTS = {
  pass: '项目立项必要，投入经济，绩效目标合理，实施方案可行，筹资合规，建议支持。',
  fail: '项目必要性论证不足，资金测算依据不充分，绩效目标不够明确，不予支持。',
};

export interface PreAssessmentSubject {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  divisionCode: string;
  profile: { ref: RuleProfileRef; rules: RuleSet };
  passes: boolean;
}

/** 事前绩效评估: three experts score every dimension; the mean total against the pass mark decides. */
export function preAssess(rng: Rng, streams: Streams, s: PreAssessmentSubject): string {
  const id = rng.uuid();
  const streamId = preAssessmentStreamId(id);
  const performance: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
  const { passMark, dimensionMaxPoints } = s.profile.rules.preAssessment;
  const first = rng.int(1, 38);
  const scorerIds = [first, first + 1, first + 2].map((n) => `expert.${String(n).padStart(3, '0')}`);
  const open = {
    type: 'OpenPreAssessment' as const,
    preAssessmentId: id,
    subject: 'PROJECT' as const,
    projectId: s.projectId,
    policyName: null,
    unitId: s.unitId,
    fiscalYear: s.fiscalYear,
    divisionCode: s.divisionCode,
    ruleProfile: s.profile.ref,
    passMark,
    dimensionMaxPoints,
    scorerIds,
  };
  streams.run(preAssessmentDecider, streamId, open, performance);
  // a passing project averages 17.5–19.5 per dimension (≥ 87.5), a failing one 14–16.5 (≤ 82.5)
  const [low, high] = s.passes ? [17.5, 19.5] : [14, 16.5];
  for (const scorerId of scorerIds) {
    for (const dimension of PRE_ASSESSMENT_DIMENSIONS) {
      const points = Math.round((low + rng.next() * (high - low)) * 2) / 2;
      const reason = rng.pick(SCORE_REASONS);
      const score = {
        type: 'GiveScore' as const,
        preAssessmentId: id,
        scorerId,
        scorerRole: 'EXPERT' as const,
        dimension,
        points,
        reason,
      };
      streams.run(preAssessmentDecider, streamId, score, { actorId: scorerId, role: 'EXPERT', unitId: null });
    }
  }
  const conclusion = s.passes ? 'SUPPORT' : 'REJECT';
  const report = s.passes ? REPORTS.pass : REPORTS.fail;
  streams.run(
    preAssessmentDecider,
    streamId,
    { type: 'ConcludePreAssessment', preAssessmentId: id, conclusion, report },
    performance,
  );
  streams.forget(streamId);
  return id;
}
