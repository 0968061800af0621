import { describe, expect, it } from '@jest/globals';
import * as goal from '../../../events/src/planning/goal';
import * as project from '../../../events/src/planning/project';
import * as disbursement from '../../../events/src/execution/disbursement';
import * as monitoring from '../../../events/src/execution/monitoring';
import * as selfEvaluation from '../../../events/src/evaluation/self-evaluation';
import * as keyEvaluation from '../../../events/src/evaluation/key-evaluation';
import * as agency from '../../../events/src/evaluation/agency';
import labels from '../gql/enum-labels.json';
import { STATUS_COLORS, statusColor, type StatusEnum } from './status-colors';

/** The modules of events/src that define the platform's lifecycles. */
const modules = { goal, project, disbursement, monitoring, selfEvaluation, keyEvaluation, agency };

/** A lifecycle's list by its name: …_STATUSES, …_STAGES, and the decisions that end a step. */
const LIFECYCLE = /_(STATUSES|STAGES|OUTCOMES|CONCLUSIONS|DECISIONS|RESULTS)$/;

/** Every lifecycle list of events/src, less those that are a part of another (ISSUED_GOAL_STATUSES …). */
const lists = (() => {
  const all = Object.values(modules).flatMap((m) =>
    Object.entries(m)
      .filter(([name, value]) => LIFECYCLE.test(name) && Array.isArray(value))
      .map(([name, value]) => ({ name, values: value as readonly string[] })),
  );
  const within = (a: readonly string[], b: readonly string[]) => a.length < b.length && a.every((v) => b.includes(v));
  return all.filter((list) => !all.some((other) => other !== list && within(list.values, other.values)));
})();

const enumLabels = labels as Record<string, Record<string, string>>;

/** The schema's enum a list of events/src is shown as: the one naming exactly its values. */
const enumOf = (values: readonly string[]): StatusEnum | undefined =>
  (Object.keys(STATUS_COLORS) as StatusEnum[]).find((name) => {
    const colored = Object.keys(STATUS_COLORS[name]).sort();
    return colored.length === values.length && [...values].sort().every((v, i) => v === colored[i]);
  });

describe('the status tags', () => {
  it('finds the lifecycles of events/src, the evaluation ones among them', () => {
    const names = lists.map((l) => l.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'GOAL_STATUSES',
        'DISBURSEMENT_STATUSES',
        'SELF_EVALUATION_STATUSES',
        'SELF_EVALUATION_DECISIONS',
        'KEY_EVALUATION_STAGES',
      ]),
    );
    // a part of another list is not a lifecycle of its own
    expect(names).not.toContain('ISSUED_GOAL_STATUSES');
    expect(names).not.toContain('APPROVED_GOAL_STATUSES');
  });

  it.each(lists.map((l) => [l.name, l.values] as const))(
    '%s: every value has a colour and a Chinese label',
    (_name, values) => {
      const name = enumOf(values);
      expect(name).toBeDefined();
      for (const value of values) {
        expect(Object.keys(STATUS_COLORS[name!])).toContain(value);
        expect(enumLabels[name!]?.[value]).toMatch(/[\u4e00-\u9fff]/);
      }
    },
  );

  it('a list with a value the table lacks matches no enum (so a new status without a colour fails)', () => {
    expect(enumOf([...selfEvaluation.SELF_EVALUATION_STATUSES, 'WITHDRAWN'])).toBeUndefined();
    expect(enumOf(selfEvaluation.SELF_EVALUATION_STATUSES.slice(1))).toBeUndefined();
    expect(enumOf(selfEvaluation.SELF_EVALUATION_STATUSES)).toBe('SelfEvaluationStatus');
  });

  it('shows the evaluation lifecycles in colour, each step of a lifecycle in a colour of its own', () => {
    for (const name of ['SelfEvaluationStatus', 'KeyEvaluationStage', 'SelfEvaluationDecision'] as const) {
      const colours = Object.values(STATUS_COLORS[name]);
      expect(colours).not.toContain('default');
      expect(new Set(colours).size).toBe(colours.length);
    }
  });

  it('tells the same code apart by its lifecycle: a goal issued is done, a self-evaluation issued is to be filled', () => {
    expect(statusColor('GoalStatus', 'ISSUED')).toBe('green');
    expect(statusColor('SelfEvaluationStatus', 'ISSUED')).toBe('blue');
    expect(statusColor('SelfEvaluationStatus', 'RETURNED')).toBe('warning');
    expect(statusColor('KeyEvaluationStage', 'RESULTS_NOTIFIED')).toBe('green');
    expect(statusColor('KeyEvaluationStage', 'UNKNOWN')).toBe('default');
  });
});
