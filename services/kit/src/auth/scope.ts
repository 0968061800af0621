import { createParameterDecorator } from 'type-graphql';
import type { RequestContext } from '../context';
import { policyOfSchema } from '../federation/build-subgraph';
import { scopeOf, type Scope } from './policy';

/** The directory's unit tree, as scope resolution needs it. */
export interface UnitHierarchy {
  /** Ids of the units whose parent is `unitId`. */
  childrenOf(unitId: string): Promise<string[]>;
}

/** The units whose rows a caller reaches in one operation: every unit, or exactly these. */
export type UnitScope = { all: true } | { all: false; unitIds: readonly string[] };

/** No rows at all: the default a resolver falls back to if no scope was resolved. */
export const NO_ROWS: UnitScope = { all: false, unitIds: [] };

/** Turns a policy scope into concrete unit ids for this caller. */
export async function unitScopeOf(
  scope: Scope,
  actor: RequestContext['actor'],
  units?: UnitHierarchy,
): Promise<UnitScope> {
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
      // no unit as such: the resolver that knows the assignment adds the rows assigned to the
      // caller (a pre-assessment's scorers read and score it; experts reach joint review by the queue)
      return { all: false, unitIds: [] };
    default: {
      const _exhaustive: never = scope;
      return { all: false, unitIds: [] };
    }
  }
}

/**
 * Parameter decorator: the caller's UnitScope for the operation being resolved, from the policy
 * table. The role check itself happens in the authorize middleware, before the resolver runs.
 *
 * @example goals(@RowScope() scope: UnitScope) { return find({ ...unitWhere(scope) }) }
 */
export function RowScope(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<RequestContext>(({ context, info }) => {
    const scope = scopeOf(`${info.parentType.name}.${info.fieldName}`, context.actor.role, policyOfSchema(info.schema));
    return scope ? unitScopeOf(scope, context.actor, context.units) : { all: false, unitIds: [] };
  });
}

export const inScope = (scope: UnitScope, unitId: string): boolean => scope.all || scope.unitIds.includes(unitId);

/** A MikroORM `where` fragment limiting rows with a `unitId` column to the scope. */
export const unitWhere = (scope: UnitScope): { unitId?: { $in: string[] } } =>
  scope.all ? {} : { unitId: { $in: [...scope.unitIds] } };

/** A row out of scope behaves exactly as a row that does not exist. */
export function ensureInScope(scope: UnitScope, unitId: string, notFound: () => Error): void {
  if (!inScope(scope, unitId)) throw notFound();
}
