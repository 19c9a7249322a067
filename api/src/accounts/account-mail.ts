import { randomUUID } from 'node:crypto';
import type { ChannelDelivery } from '../channels/channel-delivery.js';
import { ContentChannel } from '../content/content.types.js';
import type { Clock } from '../ops/clock.js';
import type { Logger } from '../ops/logger.js';
import type { DataSource } from 'typeorm';
import { Membership } from '../workspaces/membership.entity.js';

export type AccountEmail = { to: string; subject: string; text: string; html: string };
export type MailResult = { sent: true; workspaceId: string; provider: string } | { sent: false; reason: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A short email with one link: the text part, and the same as simple HTML (values escaped). */
export function linkEmail(to: string, subject: string, lines: string[], link: { label: string; url: string }): AccountEmail {
  const text = `${lines.join('\n\n')}\n\n${link.label}: ${link.url}\n`;
  const html = `${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p><p>${escapeHtml(link.url)}</p>`;
  return { to, subject, text, html };
}

/**
 * Account emails (invitations, password resets) go out through a workspace's email channel, exactly as a test
 * send does: SMTP when the workspace configured it, else the built-in Flare inbox (which counts as delivered).
 * Flare has no mail server of its own.
 */
export class AccountMail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: ChannelDelivery,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async toWorkspace(workspaceId: string, email: AccountEmail): Promise<MailResult> {
    const config = (await this.delivery.configs([{ workspaceId, channel: ContentChannel.EMAIL }])).get(`${workspaceId}|${ContentChannel.EMAIL}`)!;
    const result = await this.delivery.send(
      {
        id: randomUUID(),
        workspaceId,
        channel: ContentChannel.EMAIL,
        to: email.to,
        fromName: 'Flare',
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: { 'X-Flare-Account-Email': 'true' },
        body: null,
        title: null,
        link: null,
        journeyId: null,
        stepId: null,
        test: false,
      },
      config,
      this.clock.now(),
    );
    if (!('reason' in result)) return { sent: true, workspaceId, provider: config.provider };
    this.logger.warn('account email not delivered', { workspaceId, provider: config.provider, outcome: result.outcome, reason: result.reason });
    return { sent: false, reason: `${result.outcome}: ${result.reason}` };
  }

  /**
   * Which workspace's channel carries a user's email: their workspaces in the order they joined them (oldest
   * membership first), the first whose email channel takes the message. A workspace without SMTP settings uses
   * its Flare inbox, which always takes it, so in practice the oldest membership's workspace; a failing SMTP
   * server moves on to the next workspace. A user in no workspace gets no email (an admin-issued link remains).
   */
  async toUser(userId: string, email: AccountEmail): Promise<MailResult> {
    const memberships = await this.dataSource.getRepository(Membership).find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
    let last: MailResult = { sent: false, reason: 'NO_WORKSPACE' };
    for (const m of memberships) {
      last = await this.toWorkspace(m.workspaceId, email).catch((error: unknown) => {
        this.logger.warn('account email failed', { workspaceId: m.workspaceId, error });
        return { sent: false as const, reason: 'ERROR' };
      });
      if (last.sent) return last;
    }
    return last;
  }
}
