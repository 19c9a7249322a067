import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import type { ContentChannel } from '../content/content.types.js';
import { transact } from '../db/transaction.js';
import { badInput } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ChannelPolicy } from './channel-policy.entity.js';
import type { FrequencyCapInfo, QuietHoursInfo, SetFrequencyCapInput, SetQuietHoursInput, SetWorkspaceTimeZoneInput } from './send-policy.objects.js';
import { frequencyCapProblems, isTimeZone, quietHoursProblems, QuietHoursTimeZone, type PolicyProblem } from './send-policy.rules.js';

export type ChannelPolicyView = { frequencyCap: FrequencyCapInfo | null; quietHours: QuietHoursInfo | null };

const refuse = (problems: PolicyProblem[]) => {
  if (problems.length > 0) throw badInput(problems[0].message, { reason: problems[0].reason, field: problems[0].field, problems });
};

/** Frequency caps and quiet hours per workspace and channel, and the workspace's time zone (admins). The sender enforces them. */
export class SendPolicyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  static view(row: ChannelPolicy | null | undefined): ChannelPolicyView {
    if (!row) return { frequencyCap: null, quietHours: null };
    const capped = row.cap24h !== null || row.cap7d !== null || row.cap30d !== null;
    return {
      frequencyCap: capped ? { per24h: row.cap24h, per7d: row.cap7d, per30d: row.cap30d } : null,
      quietHours: row.quietStart !== null && row.quietEnd !== null ? { start: row.quietStart, end: row.quietEnd, days: row.quietDays, timeZoneMode: row.quietTimeZone } : null,
    };
  }

  /** Every channel's policies of the viewer's workspace, by channel. */
  async all(viewer: Viewer): Promise<Map<ContentChannel, ChannelPolicyView>> {
    const rows = await this.deps.dataSource.getRepository(ChannelPolicy).findBy({ workspaceId: workspaceOf(viewer) });
    return new Map(rows.map((r) => [r.channel, SendPolicyService.view(r)]));
  }

  setFrequencyCap(viewer: Viewer, input: SetFrequencyCapInput) {
    const cap = { per24h: input.per24h ?? null, per7d: input.per7d ?? null, per30d: input.per30d ?? null };
    refuse(frequencyCapProblems(cap));
    return this.update(viewer, input.channel, 'channelPolicy.frequencyCap', { cap24h: cap.per24h, cap7d: cap.per7d, cap30d: cap.per30d }, cap);
  }

  setQuietHours(viewer: Viewer, input: SetQuietHoursInput) {
    const start = input.start?.trim() || null;
    const end = input.end?.trim() || null;
    if ((start === null) !== (end === null))
      throw badInput('Give both a start and an end, or neither to remove quiet hours.', { reason: 'INCOMPLETE_WINDOW', field: start === null ? 'start' : 'end' });
    if (start !== null && end !== null) refuse(quietHoursProblems({ start, end, days: input.days }));
    const days = start === null ? [] : input.days;
    const timeZoneMode = input.timeZoneMode ?? QuietHoursTimeZone.CUSTOMER;
    return this.update(
      viewer,
      input.channel,
      'channelPolicy.quietHours',
      { quietStart: start, quietEnd: end, quietDays: days, quietTimeZone: timeZoneMode },
      { start, end, days, timeZoneMode },
    );
  }

  private async update(viewer: Viewer, channel: ContentChannel, action: string, change: Partial<ChannelPolicy>, details: Record<string, unknown>) {
    const workspaceId = workspaceOf(viewer);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ChannelPolicy);
      const current = await repo.createQueryBuilder('p').setLock('pessimistic_write').where('p.workspaceId = :ws AND p.channel = :channel', { ws: workspaceId, channel }).getOne();
      const row = repo.create({
        ...(current ?? {
          workspaceId,
          channel,
          cap24h: null,
          cap7d: null,
          cap30d: null,
          quietStart: null,
          quietEnd: null,
          quietDays: [],
          quietTimeZone: QuietHoursTimeZone.CUSTOMER,
        }),
        ...change,
        updatedAt: this.deps.clock.now(),
      });
      await repo.save(row);
      await this.audit.append(tx, viewer, { workspaceId, action, targetType: 'Channel', targetId: channel, details });
      return SendPolicyService.view(row);
    });
  }

  async setWorkspaceTimeZone(viewer: Viewer, input: SetWorkspaceTimeZoneInput): Promise<Workspace> {
    const workspaceId = workspaceOf(viewer);
    const timeZone = input.timeZone.trim();
    if (!isTimeZone(timeZone)) throw badInput('That is not a known IANA time zone (e.g. Europe/Berlin).', { reason: 'INVALID_TIME_ZONE', field: 'timeZone' });
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(Workspace);
      await repo.update({ id: workspaceId }, { timeZone });
      await this.audit.append(tx, viewer, { workspaceId, action: 'workspace.timeZone', targetType: 'Workspace', targetId: workspaceId, details: { timeZone } });
      return repo.findOneByOrFail({ id: workspaceId });
    });
  }

  async workspaceTimeZone(viewer: Viewer): Promise<string> {
    const ws = await this.deps.dataSource.getRepository(Workspace).findOneByOrFail({ id: workspaceOf(viewer) });
    return ws.timeZone;
  }
}
