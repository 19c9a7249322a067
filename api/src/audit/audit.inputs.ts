import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows the audit log.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. `apiKey.revoke`.' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this object id.' })
  targetId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only entries by this user or API key.' })
  actorId?: string | null;
}
