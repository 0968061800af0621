import type { MikroORM } from '@mikro-orm/core';
import { assignedTo } from '@jixiao/projections';
import type { AssignmentLookup } from '@jixiao/service-kit';

/** Who is assigned to what, as the subgraphs' ASSIGNED scopes read it: the directory's assignments read model. */
export function assignmentLookup(orm: MikroORM): AssignmentLookup {
  return { assignedTo: (userId) => assignedTo(orm.em.fork(), userId) };
}
