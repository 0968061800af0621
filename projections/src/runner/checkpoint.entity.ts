import { BigIntType, EntitySchema } from '@mikro-orm/core';

/** Where a projection is in the commit order; written in the same transaction as its rows. */
export interface ProjectionCheckpoint {
  name: string;
  transactionId: number;
  globalPosition: number;
  updatedAt: Date;
}

export const ProjectionCheckpointSchema = new EntitySchema<ProjectionCheckpoint>({
  name: 'ProjectionCheckpoint',
  tableName: 'rm_projection_checkpoint',
  properties: {
    name: { type: 'string', primary: true },
    transactionId: { type: new BigIntType('number') },
    globalPosition: { type: new BigIntType('number') },
    updatedAt: { type: 'datetime' },
  },
});
