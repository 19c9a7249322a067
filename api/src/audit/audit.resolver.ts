import { Args, Arg, Authorized, Ctx, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import type { PubSubChannels } from '../graphql/pubsub.js';
import { ApiKeyScope } from '../auth/permissions.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditAction, AuditFilter } from './audit.inputs.js';

@ObjectType({ description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry', 'audit entry') {}

type AuditAppended = PubSubChannels['AUDIT_APPENDED'][0];

@Resolver()
export class AuditResolver {
  @Authorized(ApiKeyScope.AUDIT_READ)
  @Query(() => AuditEntryConnection, { description: 'The workspace’s append-only audit log of state-changing operations. ADMIN only.' })
  auditLog(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: AuditFilter,
  ) {
    return ctx.services.audit.list(ctx.viewer!, filter, page);
  }

  @Authorized(ApiKeyScope.AUDIT_READ)
  @Query(() => [AuditAction], { description: 'The actions the workspace’s audit log holds, with the kind of object each concerns (for filters). ADMIN only.' })
  auditLogActions(@Ctx() ctx: Context) {
    return ctx.services.audit.actions(ctx.viewer!);
  }

  @Authorized(ApiKeyScope.AUDIT_READ)
  @Query(() => String, {
    description: 'The filtered audit log as CSV (newest first, at most 50,000 entries; cells that a spreadsheet would run as a formula are prefixed with a quote). ADMIN only.',
  })
  auditLogCsv(@Ctx() ctx: Context, @Arg('filter', () => AuditFilter, { nullable: true, description: 'The same narrowing as `auditLog`.' }) filter?: AuditFilter) {
    return ctx.services.audit.exportCsv(ctx.viewer!, filter);
  }

  @Authorized(ApiKeyScope.AUDIT_READ)
  @Subscription(() => AuditEntry, {
    description: 'Every new audit entry in the viewer’s workspace, as it is written. ADMIN only.',
    subscribe: ({ context }) => (context as Context).services.audit.watch((context as Context).viewer!),
  })
  async auditEntryAppended(@Root() payload: AuditAppended, @Ctx() ctx: Context): Promise<AuditEntry> {
    const entry = await ctx.services.audit.findForViewer(ctx.viewer!, payload.entryId);
    if (!entry) throw new Error(`audit entry ${payload.entryId} vanished`);
    return entry;
  }
}
