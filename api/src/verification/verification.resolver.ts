import { Arg, Args, Authorized, Ctx, FieldResolver, ID, InputType, Field, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import type { PubSubChannels } from '../graphql/pubsub.js';
import { Trigger } from '../triggers/trigger.entity.js';
import { SendTestEventPayload, TriggerEventRecord, TriggerReadinessChange, TriggerVerification } from './verification.objects.js';

@ObjectType({ description: 'A page of received events, newest first.' })
export class TriggerEventConnection extends Connection(TriggerEventRecord, 'TriggerEventRecord', 'event') {}

@InputType({ description: 'Which trigger to send a sample event for.' })
export class SendTestEventInput {
  @Field(() => ID, { description: 'The trigger.' })
  triggerId!: string;
}

type StatusChanged = PubSubChannels['TRIGGER_STATUS'][0];

@Resolver(() => TriggerEventRecord)
export class TriggerEventRecordFieldResolver {
  @FieldResolver(() => Trigger, { nullable: true, description: 'The trigger, when the key matched one: its title, kind and identity.' })
  trigger(@Root() event: TriggerEventRecord, @Ctx() ctx: Context) {
    return event.triggerId ? ctx.loaders.triggerById.load(event.triggerId) : null;
  }
}

@Resolver(() => Trigger)
export class TriggerVerificationFieldResolver {
  @FieldResolver(() => TriggerVerification, { description: 'Status, counters, first/last event and recent rejections.' })
  verification(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return ctx.loaders.verificationByTrigger.load(trigger);
  }
}

@Resolver()
export class VerificationResolver {
  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => TriggerVerification, { name: 'triggerVerification', description: 'Verification state of one trigger.' })
  verificationQuery(@Ctx() ctx: Context, @Arg('triggerId', () => ID, { description: 'The trigger.' }) triggerId: string) {
    return ctx.services.verification.verification(ctx.viewer!, triggerId);
  }

  @Authorized(ApiKeyScope.EVENTS_READ)
  @Query(() => TriggerEventConnection, { description: 'Received events of a trigger, newest first: the debugger’s history.' })
  triggerEventLog(
    @Ctx() ctx: Context,
    @Arg('triggerId', () => ID, { description: 'The trigger.' }) triggerId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('accepted', () => Boolean, { nullable: true, description: 'Only accepted (true) or rejected (false) events.' }) accepted?: boolean | null,
  ) {
    return ctx.services.verification.recentEvents(ctx.viewer!, triggerId, accepted ?? null, page);
  }

  @Authorized(ApiKeyScope.TRIGGERS_WRITE)
  @Mutation(() => SendTestEventPayload, {
    description: 'Sends a realistic sample event for the trigger’s latest version through the ingestion pipeline, marked as a test. Test events do not make a trigger ready.',
  })
  sendTestEvent(@Ctx() ctx: Context, @Arg('input', () => SendTestEventInput, { description: 'The trigger.' }) input: SendTestEventInput) {
    return ctx.services.verification.sendTestEvent(ctx.viewer!, input.triggerId);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Subscription(() => TriggerVerification, {
    name: 'triggerVerification',
    description: 'The trigger’s verification at once, then on every change (status at once, counters a few times per second at most).',
    subscribe: ({ args, context }) => (context as Context).services.verification.watch((context as Context).viewer!, args.triggerId),
  })
  verificationSubscription(@Root() update: { triggerId: string }, @Ctx() ctx: Context, @Arg('triggerId', () => ID, { description: 'The trigger.' }) _triggerId: string) {
    return ctx.services.verification.verification(ctx.viewer!, update.triggerId);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Subscription(() => TriggerReadinessChange, {
    description: 'Every readiness change in the workspace, for live dashboards.',
    subscribe: ({ context }) => (context as Context).services.verification.watchReadiness((context as Context).viewer!),
  })
  async triggerReadiness(@Root() payload: StatusChanged, @Ctx() ctx: Context): Promise<TriggerReadinessChange> {
    return { trigger: await ctx.services.triggerQueries.getForNotification(ctx.viewer!, payload.triggerId) };
  }

  @Authorized(ApiKeyScope.EVENTS_READ)
  @Subscription(() => [TriggerEventRecord], {
    description: 'Events of a trigger as they arrive, accepted and rejected with reasons (the live debugger). Needs events:read.',
    subscribe: ({ args, context }) => (context as Context).services.verification.watchEvents((context as Context).viewer!, args.triggerId),
  })
  triggerEvents(@Root() batch: { eventIds: string[] }, @Ctx() ctx: Context, @Arg('triggerId', () => ID, { description: 'The trigger.' }) _triggerId: string) {
    return ctx.services.verification.eventsByIds(ctx.viewer!, batch.eventIds);
  }
}
