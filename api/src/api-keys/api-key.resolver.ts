import { Arg, Args, Authorized, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { ApiKey } from './api-key.entity.js';
import { CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput, RevokeApiKeyPayload } from './api-key.inputs.js';

@ObjectType({ description: 'A page of API keys, newest first.' })
export class ApiKeyConnection extends Connection(ApiKey, 'ApiKey', 'API key') {}

@Resolver()
export class ApiKeyResolver {
  @Authorized('apiKeys:manage')
  @Query(() => ApiKeyConnection, { description: 'Partner API keys of the current workspace. ADMIN only.' })
  apiKeys(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: 'Also list revoked keys.' }) includeRevoked: boolean,
  ) {
    return ctx.services.apiKeys.list(ctx.viewer!, page, includeRevoked);
  }

  @Authorized('apiKeys:manage')
  @Mutation(() => CreateApiKeyPayload, { description: 'Creates a partner API key; the secret is returned once. ADMIN only.' })
  createApiKey(@Ctx() ctx: Context, @Arg('input', () => CreateApiKeyInput, { description: 'Label and scopes.' }) input: CreateApiKeyInput) {
    return ctx.services.apiKeys.create(ctx.viewer!, input);
  }

  @Authorized('apiKeys:manage')
  @Mutation(() => RevokeApiKeyPayload, { description: 'Revokes a partner API key at once. ADMIN only.' })
  async revokeApiKey(@Ctx() ctx: Context, @Arg('input', () => RevokeApiKeyInput, { description: 'The key.' }) input: RevokeApiKeyInput) {
    return { apiKey: await ctx.services.apiKeys.revoke(ctx.viewer!, input) };
  }
}
