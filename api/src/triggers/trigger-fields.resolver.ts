import { Arg, Authorized, Ctx, FieldResolver, GraphQLISODateTime, Int, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../graphql/context.js';
import { Trigger } from './trigger.entity.js';
import { AllowedOperationObject, TriggerAttribute, TriggerChange } from './trigger.objects.js';
import { comparatorsFor, editLockedUntil, isUsable, usableFrom } from './trigger.rules.js';
import { eventJsonSchema } from './trigger-schema.js';
import { versionDefinition } from './trigger.service.js';
import { CustomerIdentity, TriggerKind, TriggerStatus } from './trigger.types.js';
import { TriggerVersion } from './trigger-version.entity.js';

const latestOf = async (trigger: Trigger, ctx: Context) => (await ctx.loaders.versionByNumber.load(`${trigger.id}:${trigger.latestVersion}`))!;

@Resolver(() => Trigger)
export class TriggerFieldsResolver {
  @FieldResolver(() => TriggerVersion, { description: 'The latest version.' })
  currentVersion(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return latestOf(trigger, ctx);
  }

  @FieldResolver(() => String, { description: 'Description of the latest version.' })
  async description(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return (await latestOf(trigger, ctx)).description;
  }

  @FieldResolver(() => CustomerIdentity, { description: 'Customer identity of the latest version.' })
  async identity(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return (await latestOf(trigger, ctx)).identity;
  }

  @FieldResolver(() => String, { description: 'Source of the latest version.' })
  async source(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return (await latestOf(trigger, ctx)).source;
  }

  @FieldResolver(() => [TriggerVersion], { description: 'Every version, newest first.' })
  versions(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    return ctx.loaders.versionsByTrigger.load(trigger.id);
  }

  @FieldResolver(() => TriggerVersion, { nullable: true, description: 'One version by number; null if there is none.' })
  version(@Root() trigger: Trigger, @Ctx() ctx: Context, @Arg('number', () => Int, { description: 'Version number.' }) number: number) {
    return ctx.loaders.versionByNumber.load(`${trigger.id}:${number}`);
  }

  @FieldResolver(() => GraphQLISODateTime, { nullable: true, description: 'Editing is locked until this time (one hour after the last edit); null when editable.' })
  async editLockedUntil(@Root() trigger: Trigger, @Ctx() ctx: Context) {
    const until = editLockedUntil(await latestOf(trigger, ctx));
    return until && until > ctx.services.clock.now() ? until : null;
  }

  @FieldResolver(() => Boolean, { description: 'Out-of-box triggers cannot be edited or hidden.' })
  outOfBox(@Root() trigger: Trigger) {
    return trigger.kind !== TriggerKind.CUSTOM;
  }

  @FieldResolver(() => Boolean, { description: 'Whether a journey can start on this trigger now: ready, visible, and not an interaction trigger.' })
  canStartJourneys(@Root() trigger: Trigger) {
    return trigger.kind !== TriggerKind.INTERACTION && trigger.status === TriggerStatus.READY_TO_USE && trigger.hiddenAt === null;
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @FieldResolver(() => [String], {
    description: 'Names of the live journeys that start on, aim at or exit on this trigger; while there are any, it cannot be hidden. Needs `journeys:read`.',
  })
  liveJourneys(@Ctx() ctx: Context, @Root() trigger: Trigger) {
    return ctx.loaders.liveJourneysByTrigger.load(trigger);
  }
}

@Resolver(() => TriggerVersion)
export class TriggerVersionFieldsResolver {
  @FieldResolver(() => [TriggerAttribute], { description: 'Attributes, in order.' })
  attributes(@Root() version: TriggerVersion): TriggerAttribute[] {
    return version.attributes.map((a) => ({ ...a, comparators: comparatorsFor(a.type) }));
  }

  @FieldResolver(() => [AllowedOperationObject], { description: 'Read/write permissions per identifier kind.' })
  allowedOperations(@Root() version: TriggerVersion) {
    return version.allowedOperations;
  }

  @FieldResolver(() => [TriggerChange], { description: 'What changed from the previous version (empty for version 1).' })
  changes(@Root() version: TriggerVersion) {
    return version.changes;
  }

  @FieldResolver(() => GraphQLISODateTime, { description: 'From when journeys may use this version: at once for version 1, one hour after saving for later ones.' })
  usableFrom(@Root() version: TriggerVersion) {
    return usableFrom(version);
  }

  @FieldResolver(() => Boolean, { description: 'Whether journeys may use this version now.' })
  usableNow(@Root() version: TriggerVersion, @Ctx() ctx: Context) {
    return isUsable(version, ctx.services.clock.now());
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'JSON Schema (2020-12) of an event for this version.' })
  async jsonSchema(@Root() version: TriggerVersion, @Ctx() ctx: Context) {
    const trigger = (await ctx.loaders.triggerById.load(version.triggerId))!;
    return eventJsonSchema(trigger.key, version.number, versionDefinition(version));
  }
}
