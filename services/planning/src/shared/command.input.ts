import { Field, ID, InputType, Int } from 'type-graphql';
import { COMMAND_ID_DESCRIPTION } from '@jixiao/service-kit';

/** Every command input carries an idempotency key. (Base class: never a GraphQL type of its own.) */
@InputType('CommandInputBase')
export class CommandInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;
}

/** Commands on an existing stream may also say which version the user read. */
@InputType('VersionedCommandInputBase')
export class VersionedCommandInput extends CommandInput {
  @Field(() => Int, {
    nullable: true,
    description: '读取时的版本；不一致则拒绝 (the version you read; refused if it changed since)',
  })
  expectedVersion?: number | null;
}
