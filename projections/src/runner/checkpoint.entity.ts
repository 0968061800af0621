import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** Where a projection is in the commit order; written in the same transaction as its rows. */
export interface ProjectionCheckpoint {
  name: string;
  transactionId: number;
  globalPosition: number;
  /**
   * Batches applied since the row was created: grows with every batch, even where the position
   * does not (a Kafka partition can deliver an earlier position after a later one). With `epoch`,
   * the version the read cache keys its answers by.
   */
  batches: number;
  /** Random, drawn when the row is created and again when a rebuild swaps the projection's tables in. */
  epoch: string;
  updatedAt: Date;
}

export const ProjectionCheckpointSchema = new EntitySchema<ProjectionCheckpoint>({
  name: 'ProjectionCheckpoint',
  tableName: 'rm_projection_checkpoint',
  properties: {
    name: { type: 'string', primary: true },
    transactionId: { type: new BigIntType('number') },
    globalPosition: { type: new BigIntType('number') },
    batches: { type: new BigIntType('number'), default: 0 },
    epoch: { type: 'string', length: 36, default: '' },
    updatedAt: { type: 'datetime' },
  },
});
