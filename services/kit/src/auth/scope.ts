import { createParameterDecorator } from 'type-graphql';
import type { AssignmentKind } from '@jixiao/events';
import type { RequestContext } from '../context';
import { policyOfSchema } from '../federation/build-subgraph';
import { scopeOf, type Scope } from './policy';

/** The directory's unit tree, as scope resolution needs it. */
export interface UnitHierarchy {
  /** Ids of the units whose parent is `unitId`. */
  childrenOf(unitId: string): Promise<string[]>;
}

/** The records a user is assigned to now, by kind (the directory's assignments read model). */
export interface AssignmentLookup {
  /** Ids of the records `userId` is assigned to, per kind; kinds without one may be absent. */
  assignedTo(userId: string): Promise<Assigned>;
}

/** Record ids per assignment kind, e.g. `{ PRE_ASSESSMENT: ['p1'] }`. */
export type Assigned = Partial<Record<AssignmentKind, readonly string[]>>;

/**
 * The rows a caller reaches in one operation: every row, or those of exactly these units plus the
 * records assigned to the caller (`assigned`, absent when the scope reaches no assignment).
 */
export type UnitScope = { all: true } | { all: false; unitIds: readonly string[]; assigned?: Assigned };
/** The same thing under the name the port gives it: which rows may this actor see or touch. */
export type RowScopeValue = UnitScope;

/** No rows at all: the default a resolver falls back to if no scope was resolved. */
export const NO_ROWS: UnitScope = { all: false, unitIds: [] };

/** Where scope resolution reads the unit tree and the assignments. */
export interface ScopeSources {
  units?: UnitHierarchy;
  assignments?: AssignmentLookup;
}

/**
 * Turns a policy scope into concrete rows for this caller: unit ids, and for `ASSIGNED` the records
 * assigned to them. Without the sources it needs, a scope reaches only what it can prove (own unit).
 */
export async function unitScopeOf(
  scope: Scope,
  actor: RequestContext['actor'],
  sources?: UnitHierarchy | ScopeSources,
): Promise<UnitScope> {
  const { units, assignments } = sourcesOf(sources);
  const own = actor.unitId ? [actor.unitId] : [];
  switch (scope) {
    case 'ALL':
      return { all: true };
    case 'OWN_UNIT':
      return { all: false, unitIds: own };
    case 'SUBORDINATES': {
      if (!actor.unitId || !units) return { all: false, unitIds: own };
      return { all: false, unitIds: [...own, ...(await units.childrenOf(actor.unitId))] };
    }
    case 'CHILD_UNITS':
      return { all: false, unitIds: actor.unitId && units ? await units.childrenOf(actor.unitId) : [] };
    case 'ASSIGNED':
      // no unit's rows as such: exactly the records assigned to the caller, of every kind
      return { all: false, unitIds: [], assigned: assignments ? await assignments.assignedTo(actor.userId) : {} };
    default: {
      const _exhaustive: never = scope;
      return { all: false, unitIds: [] };
    }
  }
}

const sourcesOf = (sources?: UnitHierarchy | ScopeSources): ScopeSources =>
  sources && 'childrenOf' in sources ? { units: sources } : (sources ?? {});

/**
 * Parameter decorator: the caller's scope for the operation being resolved, from the policy
 * table. The role check itself happens in the authorize middleware, before the resolver runs.
 *
 * @example goals(@RowScope() scope: UnitScope) { return find({ ...unitWhere(scope) }) }
 */
export function RowScope(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<RequestContext>(({ context, info }) => {
    const scope = scopeOf(`${info.parentType.name}.${info.fieldName}`, context.actor.role, policyOfSchema(info.schema));
    return scope
      ? unitScopeOf(scope, context.actor, { units: context.units, assignments: context.assignments })
      : { all: false, unitIds: [] };
  });
}

/** A row as scoping sees it: its unit, and the assignment (kind and record id) that reaches it. */
export interface ScopedRow {
  unitId?: string | null;
  assignment?: { kind: AssignmentKind; id: string };
}

/**
 * Whether the scope reaches a row: by its unit id (a string, as before), or by a row's unit or
 * assignment. `inScope(scope, { unitId, assignment: { kind: 'PRE_ASSESSMENT', id } })`
 */
export function inScope(scope: UnitScope, row: string | ScopedRow): boolean {
  if (scope.all) return true;
  const { unitId, assignment } = typeof row === 'string' ? { unitId: row } : row;
  if (unitId && scope.unitIds.includes(unitId)) return true;
  return !!assignment && (scope.assigned?.[assignment.kind] ?? []).includes(assignment.id);
}

/** A MikroORM `where` fragment limiting rows with a `unitId` column to the scope's units. */
export const unitWhere = (scope: UnitScope): { unitId?: { $in: string[] } } =>
  scope.all ? {} : { unitId: { $in: [...scope.unitIds] } };

/** How a read model's rows meet a scope: which column holds the unit, and which the assigned record's id. */
export interface RowColumns {
  unit?: string;
  assignment?: { kind: AssignmentKind; column: string };
}

/**
 * A MikroORM `where` fragment: rows of the scope's units or assigned to the caller; `{}` for every
 * row, and a condition no row meets when the scope reaches nothing of this shape.
 *
 * @example em.find(PreAssessmentRowSchema, { projectId, ...where(scope, { unit: 'unitId', assignment: { kind: 'PRE_ASSESSMENT', column: 'preAssessmentId' } }) })
 */
export function where(scope: UnitScope, columns: RowColumns): Record<string, unknown> {
  if (scope.all) return {};
  const branches: Record<string, unknown>[] = [];
  if (columns.unit && scope.unitIds.length > 0) branches.push({ [columns.unit]: { $in: [...scope.unitIds] } });
  const ids = columns.assignment ? (scope.assigned?.[columns.assignment.kind] ?? []) : [];
  if (columns.assignment && ids.length > 0) branches.push({ [columns.assignment.column]: { $in: [...ids] } });
  if (branches.length === 0) {
    const column = columns.unit ?? columns.assignment?.column;
    if (!column) throw new Error('where(scope, columns): name the unit column or the assignment column');
    return { [column]: { $in: [] } };
  }
  return branches.length === 1 ? branches[0]! : { $or: branches };
}

/** A row out of scope behaves exactly as a row that does not exist. */
export function ensureInScope(scope: UnitScope, row: string | ScopedRow, notFound: () => Error): void {
  if (!inScope(scope, row)) throw notFound();
}

/**
 * A read model's rows, declared once with their columns: what a context writes to put its rows
 * under the port. `where` filters a list query, `reaches` checks one row.
 *
 * @example const PRE_ASSESSMENTS = scopedRows<PreAssessmentRow>({ unit: 'unitId', assignment: { kind: 'PRE_ASSESSMENT', column: 'preAssessmentId' } })
 */
export function scopedRows<R extends object>(columns: {
  unit?: keyof R & string;
  assignment?: { kind: AssignmentKind; column: keyof R & string };
}) {
  const cell = (row: R, column: keyof R) => {
    const value = row[column];
    return value === null || value === undefined ? null : String(value);
  };
  return {
    columns,
    where: (scope: UnitScope) => where(scope, columns),
    reaches(scope: UnitScope, row: R): boolean {
      const unitId = columns.unit ? cell(row, columns.unit) : null;
      const id = columns.assignment ? cell(row, columns.assignment.column) : null;
      return inScope(scope, {
        unitId,
        assignment: id && columns.assignment ? { kind: columns.assignment.kind, id } : undefined,
      });
    },
  };
}
