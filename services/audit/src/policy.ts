import { HISTORY, type PolicyRows } from '@jixiao/service-kit';

/**
 * 权限表 of the audit context: event histories and chain checks are for the bureau and the auditors.
 * An entity's own `history` (`Goal.history`, …) is under the row of the context that owns the entity.
 */
export const auditPolicy: PolicyRows = {
  'Query.streamHistory': HISTORY,
  'Query.verifyStream': HISTORY,
  'Query.sealerKey': HISTORY,
  'Query.treeHeads': HISTORY,
  'Query.inclusionProof': HISTORY,
  'Query.consistencyProof': HISTORY,
  'Query.verifyTreeHead': HISTORY,
  // sealing adds no decision to the record, only a signed head over it: the bureau may ask for one now
  'Mutation.sealTreeHead': { PERFORMANCE_SECTION: 'ALL' },
};
