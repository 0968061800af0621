import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** Where a projection is in the commit order; written in the same transaction as its rows. */
export interface ProjectionCheckpoint {
  name: string;
  transactionId: number;
  globalPosition: number;
  /**
   * Random, drawn anew with every applied batch (and when a rebuild swaps the projection's tables
   * in): never the same twice, even where the position does not move forward (a Kafka partition
   * can deliver an earlier position after a later one) or two workers overlap in a rebalance. The
   * version the read cache keys its answers by.
   */
  stamp: string;
  updatedAt: Date;
}

export const ProjectionCheckpointSchema = new EntitySchema<ProjectionCheckpoint>({
  name: 'ProjectionCheckpoint',
  tableName: 'rm_projection_checkpoint',
  properties: {
    name: { type: 'string', primary: true },
    transactionId: { type: new BigIntType('number') },
    globalPosition: { type: new BigIntType('number') },
    stamp: { type: 'string', length: 36, default: '' },
    updatedAt: { type: 'datetime' },
  },
});
