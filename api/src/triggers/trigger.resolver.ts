import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { Trigger } from './trigger.entity.js';
import { CreateTriggerInput, CreateTriggerPayload, HideTriggerInput, HideTriggerPayload, TriggerFilter, UpdateTriggerInput, UpdateTriggerPayload } from './trigger.inputs.js';
import { AttributeTypeInfo, TriggerVersionDiff } from './trigger.objects.js';
import { comparatorsFor } from './trigger.rules.js';
import { AttributeType } from './trigger.types.js';

@ObjectType({ description: 'A page of triggers, sorted by title.' })
export class TriggerConnection extends Connection(Trigger, 'Trigger', 'trigger') {}

const TYPE_LABELS: Record<AttributeType, string> = {
  TEXT: 'Text',
  NUMBER: 'Number',
  DECIMAL: 'Decimal',
  BOOLEAN: 'True or false',
  DATE: 'Date',
  DATETIME: 'Date/time',
  ENTITY_REFERENCE: 'Entity reference',
};

@Resolver()
export class TriggerResolver {
  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => TriggerConnection, { description: 'The trigger catalog: custom and out-of-box triggers, hidden ones only on request.' })
  triggers(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TriggerFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: TriggerFilter,
  ) {
    return ctx.services.triggerQueries.list(ctx.viewer!, filter, page);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => Trigger, { description: 'One trigger by id (hidden ones too).' })
  trigger(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The trigger id.' }) id: string) {
    return ctx.services.triggerQueries.get(ctx.viewer!, id);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => Trigger, { description: 'One trigger by its machine key, e.g. `order_placed`.' })
  triggerByKey(@Ctx() ctx: Context, @Arg('key', () => String, { description: 'The machine key.' }) key: string) {
    return ctx.services.triggerQueries.byKey(ctx.viewer!, key);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => Boolean, {
    description:
      'Whether a title is free in the workspace: no visible trigger has it, ignoring case and surrounding spaces (hidden triggers free their title). For checking as the title is typed; creating and renaming still enforce it.',
  })
  triggerTitleAvailable(
    @Ctx() ctx: Context,
    @Arg('title', () => String, { description: 'The title to check.' }) title: string,
    @Arg('exceptTriggerId', () => ID, { nullable: true, description: 'A trigger being renamed: its own title counts as free.' }) exceptTriggerId?: string | null,
  ) {
    return ctx.services.triggerQueries.titleAvailable(ctx.viewer!, title, exceptTriggerId ?? null);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => Boolean, {
    description:
      'Whether a key is free for a new trigger: no trigger of the workspace has it (hidden ones included: keys are never reused) and it is not an out-of-box key. A malformed key is refused with INVALID_KEY.',
  })
  triggerKeyAvailable(@Ctx() ctx: Context, @Arg('key', () => String, { description: 'The machine key to check, e.g. `order_placed`.' }) key: string) {
    return ctx.services.triggerQueries.keyAvailable(ctx.viewer!, key);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => TriggerVersionDiff, { description: 'What changed between two versions of a trigger, and whether it breaks senders.' })
  triggerVersionDiff(
    @Ctx() ctx: Context,
    @Arg('triggerId', () => ID, { description: 'The trigger.' }) triggerId: string,
    @Arg('from', () => Int, { description: 'Older version number.' }) from: number,
    @Arg('to', () => Int, { description: 'Newer version number.' }) to: number,
  ) {
    return ctx.services.triggerQueries.diff(ctx.viewer!, triggerId, from, to);
  }

  @Authorized(ApiKeyScope.TRIGGERS_READ)
  @Query(() => [AttributeTypeInfo], { description: 'Every attribute data type with the comparators journeys offer for it.' })
  attributeTypes(): AttributeTypeInfo[] {
    return Object.values(AttributeType).map((type) => ({ type, label: TYPE_LABELS[type], comparators: comparatorsFor(type) }));
  }

  @Authorized(ApiKeyScope.TRIGGERS_WRITE)
  @Mutation(() => CreateTriggerPayload, { description: 'Creates a custom trigger (version 1, usable at once, awaiting its first event).' })
  async createTrigger(@Ctx() ctx: Context, @Arg('input', () => CreateTriggerInput, { description: 'The definition.' }) input: CreateTriggerInput) {
    return { trigger: await ctx.services.triggers.create(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.TRIGGERS_WRITE)
  @Mutation(() => UpdateTriggerPayload, { description: 'Saves an edit as a new version. Then editing is locked and the version unusable for one hour.' })
  updateTrigger(@Ctx() ctx: Context, @Arg('input', () => UpdateTriggerInput, { description: 'The edit, based on a version.' }) input: UpdateTriggerInput) {
    return ctx.services.triggers.update(ctx.viewer!, input);
  }

  @Authorized(ApiKeyScope.TRIGGERS_WRITE)
  @Mutation(() => HideTriggerPayload, { description: 'Hides a custom trigger, irreversibly. Deletes nothing.' })
  async hideTrigger(@Ctx() ctx: Context, @Arg('input', () => HideTriggerInput, { description: 'The trigger and its title as confirmation.' }) input: HideTriggerInput) {
    return { trigger: await ctx.services.triggers.hide(ctx.viewer!, input) };
  }
}
