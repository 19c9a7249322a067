import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { ContentItem } from './content-item.entity.js';
import {
  ContentFilter,
  ContentPayload,
  ContentPreview,
  ContentProblem,
  CreateContentInput,
  DuplicateContentInput,
  MarkContentReadyInput,
  PersonalisationToken,
  PreviewContentInput,
  UpdateContentInput,
} from './content.inputs.js';

@ObjectType({ description: 'A page of content, newest first.' })
export class ContentConnection extends Connection(ContentItem, 'ContentItem', 'content item') {}

@Resolver(() => ContentItem)
export class ContentResolver {
  @FieldResolver(() => [String], { description: 'Names of the live journeys sending this content; while there are any, it cannot be edited (duplicate it instead).' })
  liveJourneys(@Ctx() ctx: Context, @Root() item: ContentItem) {
    return ctx.loaders.liveJourneysByContent.load(item);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => ContentConnection, { description: 'Emails, text messages and push notifications of the workspace.' })
  contents(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ContentFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: ContentFilter,
  ) {
    return ctx.services.content.list(ctx.viewer!, filter, page);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => ContentItem, { description: 'One content item.' })
  content(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The content.' }) id: string) {
    return ctx.services.content.get(ctx.viewer!, id);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => ContentPreview, { description: 'Renders content with a sample event of a trigger and a sample contact or a real customer.' })
  previewContent(@Ctx() ctx: Context, @Arg('input', () => PreviewContentInput, { description: 'Content and trigger.' }) input: PreviewContentInput) {
    const { contentId, triggerId, customerId, ...unsaved } = input;
    return ctx.services.content.preview(ctx.viewer!, contentId, triggerId ?? null, unsaved, customerId ?? null);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => [ContentProblem], {
    description: 'What keeps content from being ready to send (the checks of `markContentReady`), for the stored fields with any unsaved ones in place.',
  })
  contentReadiness(
    @Ctx() ctx: Context,
    @Arg('input', () => PreviewContentInput, { description: 'Content and unsaved fields; an empty string is an emptied field.' }) input: PreviewContentInput,
  ) {
    const { contentId, triggerId: _trigger, customerId: _customer, ...unsaved } = input;
    return ctx.services.content.readiness(ctx.viewer!, contentId, unsaved);
  }

  @Authorized(ApiKeyScope.JOURNEYS_READ)
  @Query(() => [PersonalisationToken], { description: 'Tokens messages can use: contact fields, and the attributes of a trigger (its latest version) when given.' })
  personalisationTokens(
    @Ctx() ctx: Context,
    @Arg('triggerId', () => ID, { nullable: true, description: 'The start trigger whose attributes to list.' }) triggerId?: string | null,
  ) {
    return ctx.services.content.tokens(ctx.viewer!, triggerId ?? null);
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => ContentPayload, { description: 'Creates content as a draft.' })
  async createContent(@Ctx() ctx: Context, @Arg('input', () => CreateContentInput, { description: 'The content.' }) input: CreateContentInput) {
    return { content: await ctx.services.content.create(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => ContentPayload, { description: 'Edits content; ready content returns to draft; content of live journeys cannot be edited.' })
  async updateContent(@Ctx() ctx: Context, @Arg('input', () => UpdateContentInput, { description: 'The edit.' }) input: UpdateContentInput) {
    return { content: await ctx.services.content.update(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => ContentPayload, { description: 'Copies content (any state, also content sent by live journeys) into a new draft.' })
  async duplicateContent(@Ctx() ctx: Context, @Arg('input', () => DuplicateContentInput, { description: 'The content.' }) input: DuplicateContentInput) {
    return { content: await ctx.services.content.duplicate(ctx.viewer!, input) };
  }

  @Authorized(ApiKeyScope.JOURNEYS_WRITE)
  @Mutation(() => ContentPayload, { description: 'Checks required fields and tokens, then marks the content ready to send.' })
  async markContentReady(@Ctx() ctx: Context, @Arg('input', () => MarkContentReadyInput, { description: 'The content.' }) input: MarkContentReadyInput) {
    return { content: await ctx.services.content.markReady(ctx.viewer!, input.id) };
  }
}
