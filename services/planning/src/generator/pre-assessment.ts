import { PRE_ASSESSMENT_DIMENSIONS, type RuleProfileRef, type RuleSet } from '@jixiao/events';
import type { Actor, Rng, Streams } from '@jixiao/generator';
import { assignmentDecider, assignmentStreamId } from '@jixiao/service-kit';
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

/**
 * 事前绩效评估: three experts are assigned and score every dimension; the mean total against the pass
 * mark decides. Now and then one withdraws for a conflict of interest (回避) before scoring and a
 * fourth is assigned in their place.
 */
export function preAssess(rng: Rng, streams: Streams, s: PreAssessmentSubject): string {
  const id = rng.uuid();
  const streamId = preAssessmentStreamId(id);
  const performance: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
  const { passMark, dimensionMaxPoints } = s.profile.rules.preAssessment;
  const first = rng.int(1, 38);
  const expert = (n: number) => `expert.${String(n).padStart(3, '0')}`;
  const named = [first, first + 1, first + 2].map(expert);
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
    scorerIds: named,
  };
  streams.run(preAssessmentDecider, streamId, open, performance);
  // as the platform does on opening: the scorers named are assigned, which is what lets them score
  const assignments = assignmentStreamId('PRE_ASSESSMENT', id);
  const grant = { type: 'GrantAssignments' as const, kind: 'PRE_ASSESSMENT' as const, subjectId: id };
  const opening = '启动事前评估时指派为评分人 (named as a scorer when the pre-assessment was opened)';
  streams.run(assignmentDecider, assignments, { ...grant, assigneeUserIds: named, reason: opening }, performance);
  // decided from the draw already made, so the rest of the year's random draws stay as they were
  const withdraws = first % 7 === 0;
  const scorerIds = withdraws ? [named[0]!, named[1]!, expert(first + 3)] : named;
  if (withdraws) {
    const revoke = { type: 'RevokeAssignment' as const, kind: 'PRE_ASSESSMENT' as const, subjectId: id };
    const reason = '与项目单位存在利害关系，申请回避 (a conflict of interest with the unit)';
    streams.run(assignmentDecider, assignments, { ...revoke, assigneeUserId: named[2]!, reason }, performance);
    const replacement = {
      ...grant,
      assigneeUserIds: [scorerIds[2]!],
      reason: '补派评分专家 (replaces a withdrawn scorer)',
    };
    streams.run(assignmentDecider, assignments, replacement, performance);
  }
  streams.forget(assignments);
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
