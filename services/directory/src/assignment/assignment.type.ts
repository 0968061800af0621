import { Field, ID, ObjectType } from 'type-graphql';
import { ASSIGNMENT_KIND_LABELS, ASSIGNMENT_KINDS } from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const AssignmentKind = registerCatalogEnum(ASSIGNMENT_KINDS, {
  name: 'AssignmentKind',
  description: { zh: '指派对象类别', en: 'What a user can be assigned to' },
  labels: ASSIGNMENT_KIND_LABELS,
});
type Kind = CatalogEnumValue<typeof AssignmentKind>;

@ObjectType({ description: '指派：某用户可查看、处理的一项记录 (An assignment: a record a user may reach)' })
export class Assignment {
  @Field(() => AssignmentKind, { description: '类别 (kind)' })
  kind!: Kind;

  @Field(() => ID, { description: '被指派的记录标识，如事前评估标识 (the record’s id, e.g. a pre-assessment id)' })
  subjectId!: string;

  @Field(() => ID, { description: '被指派人用户标识 (the assignee’s user id)' })
  assigneeUserId!: string;

  @Field({ description: '指派理由 (reason)' })
  reason!: string;

  @Field(() => ID, { description: '指派人用户标识 (who assigned)' })
  grantedBy!: string;

  @Field({ description: '指派时间 (granted at, ISO-8601)' })
  grantedAt!: string;
}
