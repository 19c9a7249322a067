import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';

@InputType({ description: 'Narrows the audit log (and its CSV export). Every given condition must hold.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `apiKey.revoke`.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this kind of object, e.g. `Trigger`.' })
  targetType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this object id.' })
  targetId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries by this user or API key.' })
  actorId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only entries written at or after this time.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only entries written before this time.' })
  to?: Date | null;
}

@ObjectType({ description: 'An action that appears in the workspace’s audit log, with the kind of object it concerns.' })
export class AuditAction {
  @Field(() => String, { description: 'The action, e.g. `trigger.create`.' })
  action!: string;

  @Field(() => String, { description: 'The kind of object, e.g. `Trigger`.' })
  targetType!: string;
}
