import { Arg, Args, Authorized, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { ApiKeyScope } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { RefusedRequest } from './refused-request.entity.js';

@ObjectType({ description: 'A page of refused ingestion requests, newest first.' })
export class RefusedRequestConnection extends Connection(RefusedRequest, 'RefusedRequest', 'refused request') {}

@Resolver(() => RefusedRequest)
export class RefusedRequestResolver {
  @Authorized(ApiKeyScope.EVENTS_READ)
  @Query(() => RefusedRequestConnection, {
    description:
      'Requests the ingestion endpoints refused for this workspace in the last 7 days (bad key, revoked key, refused origin, rate limit, unknown trigger), newest first. Needs events:read.',
  })
  refusedRequests(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('triggerId', () => ID, { nullable: true, description: 'Only requests whose events named this trigger’s key.' }) triggerId?: string | null,
    @Arg('reason', () => String, { nullable: true, description: 'Only this reason, e.g. ORIGIN_NOT_ALLOWED.' }) reason?: string | null,
  ) {
    return ctx.services.refusedRequests.list(ctx.viewer!, { triggerId: triggerId ?? null, reason: reason ?? null }, page);
  }
}
