import { useEffect, useState } from 'react';
import type { SubmitSelfEvaluationInput } from '../../gql/graphql';
import type { FieldIssue } from '../../shell/api';
import { fenOf } from '../../planning/projects/money';

/** One indicator line as the form holds it: the definition (the goal's, or the unit's own) and the result. */
export interface LineValues {
  indicatorId: string;
  name?: string;
  level1?: string;
  operator?: string;
  target?: number | null;
  points?: number | null;
  unit?: string;
  targetText?: string | null;
  actual?: number | null;
  qualitative?: { level?: string; percent?: number | null };
  reason?: string;
  deviationCause?: string;
  improvementMeasure?: string;
}

export interface SheetValues {
  budget?: string;
  executed?: string;
  indicators?: LineValues[];
}

const text = (value?: string) => value?.trim() || null;

/**
 * The draft as the platform takes it, or null until the amounts are there; what else is missing or
 * wrong the platform says (each issue names its field: `indicators.2.deviationCause`).
 */
export function draftOf(
  evaluationId: string,
  overall: boolean,
  values: SheetValues | undefined,
): SubmitSelfEvaluationInput | null {
  if (!values?.executed || fenOf(values.executed) === null) return null;
  if (overall && (!values.budget || fenOf(values.budget) === null)) return null;
  const lines = values.indicators ?? [];
  if (lines.length === 0) return null;
  return {
    evaluationId,
    executed: values.executed.trim(),
    ...(overall ? { budget: values.budget!.trim() } : {}),
    indicators: lines.map((line) => ({
      indicatorId: line.indicatorId,
      ...(overall
        ? {
            name: text(line.name),
            level1: line.level1 ?? null,
            operator: line.operator ?? null,
            target: line.operator === 'QUALITATIVE' ? null : (line.target ?? null),
            points: line.points ?? null,
          }
        : {}),
      actual: line.operator === 'QUALITATIVE' ? null : (line.actual ?? null),
      qualitative:
        line.operator === 'QUALITATIVE' && line.qualitative?.level && typeof line.qualitative.percent === 'number'
          ? { level: line.qualitative.level as 'ACHIEVED', percent: line.qualitative.percent }
          : null,
      reason: text(line.reason),
      deviationCause: text(line.deviationCause),
      improvementMeasure: text(line.improvementMeasure),
    })),
  };
}

/** A value that settles `delay` ms after it last changed (what the preview asks about while the person types). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
    // the JSON key: a new object of the same content is not a change
  }, [key, delay]);
  return settled;
}

/** The platform's issues by field path, for `<Form.Item help>` beside the field it names. */
export const issuesByPath = (issues: readonly FieldIssue[]): Map<string, string> =>
  new Map(issues.map((issue) => [issue.path, issue.zh]));
