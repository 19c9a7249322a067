import { Arg, Authorized, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { IngestionKey } from './ingestion-key.entity.js';
import {
  CreateIngestionKeyInput,
  IngestionKeyPayload,
  IngestionKeySecretPayload,
  IngestionKeyState,
  RevokeIngestionKeyInput,
  RotateIngestionKeyInput,
  UpdateIngestionKeyOriginsInput,
} from './ingestion-key.inputs.js';
import { keyState } from './ingestion-key.rules.js';

@Resolver(() => IngestionKey)
export class IngestionKeyResolver {
  @Authorized('ingestionKeys:manage')
  @Query(() => [IngestionKey], { description: 'Ingestion keys of the workspace, newest first. ADMIN and DEVELOPER.' })
  ingestionKeys(@Ctx() ctx: Context, @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'Also list revoked and expired keys.' }) includeRetired: boolean) {
    return ctx.services.ingestionKeys.list(ctx.viewer!, includeRetired);
  }

  @Authorized('ingestionKeys:manage')
  @Mutation(() => IngestionKeySecretPayload, { description: 'Creates an ingestion key; the secret is returned once.' })
  createIngestionKey(@Ctx() ctx: Context, @Arg('input', () => CreateIngestionKeyInput, { description: 'Label and origins.' }) input: CreateIngestionKeyInput) {
    return ctx.services.ingestionKeys.create(ctx.viewer!, input);
  }

  @Authorized('ingestionKeys:manage')
  @Mutation(() => IngestionKeySecretPayload, { description: 'Replaces a key; old and new both work during the overlap.' })
  rotateIngestionKey(@Ctx() ctx: Context, @Arg('input', () => RotateIngestionKeyInput, { description: 'Key and overlap.' }) input: RotateIngestionKeyInput) {
    return ctx.services.ingestionKeys.rotate(ctx.viewer!, input);
  }

  @Authorized('ingestionKeys:manage')
  @Mutation(() => IngestionKeyPayload, { description: 'Revokes a key; its next request is refused.' })
  async revokeIngestionKey(@Ctx() ctx: Context, @Arg('input', () => RevokeIngestionKeyInput, { description: 'The key.' }) input: RevokeIngestionKeyInput) {
    return { ingestionKey: await ctx.services.ingestionKeys.revoke(ctx.viewer!, input) };
  }

  @Authorized('ingestionKeys:manage')
  @Mutation(() => IngestionKeyPayload, { description: 'Sets the browser origins allowed to use a key.' })
  async updateIngestionKeyOrigins(
    @Ctx() ctx: Context,
    @Arg('input', () => UpdateIngestionKeyOriginsInput, { description: 'Key and origins.' }) input: UpdateIngestionKeyOriginsInput,
  ) {
    return { ingestionKey: await ctx.services.ingestionKeys.updateOrigins(ctx.viewer!, input) };
  }

  @FieldResolver(() => IngestionKeyState, { description: 'Whether the key accepts events now.' })
  state(@Root() key: IngestionKey, @Ctx() ctx: Context) {
    return keyState(key, ctx.services.clock.now()) as IngestionKeyState;
  }

  @FieldResolver(() => Float, { description: 'Events accepted with this key.' })
  acceptedCount(@Root() key: IngestionKey) {
    return Number(key.acceptedCount);
  }

  @FieldResolver(() => Float, { description: 'Events rejected with this key (invalid, or for a hidden or unknown trigger).' })
  rejectedCount(@Root() key: IngestionKey) {
    return Number(key.rejectedCount);
  }
}
