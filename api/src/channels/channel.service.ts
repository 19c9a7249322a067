import { randomBytes } from 'node:crypto';
import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { ContentItem } from '../content/content-item.entity.js';
import { ContentChannel } from '../content/content.types.js';
import { CONTACT_FIELDS, renderTemplate } from '../content/templates.js';
import { Customer } from '../customers/customer.entity.js';
import { normaliseEmail, normalisePhone } from '../customers/customer.rules.js';
import { transact } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { secretContext, type ChannelDelivery } from './channel-delivery.js';
import type { ChannelSetting, SendTestMessageInput, SetSmtpChannelInput, SetWebhookChannelInput } from './channel.objects.js';
import { nextSecret, smtpSettings, webhookUrlProblem } from './channel.rules.js';
import { ChannelSettings } from './channel-settings.entity.js';
import { ChannelProvider, type SmtpSettings, type WebhookSettings } from './channel.types.js';
import { InboxMessage } from './inbox-message.entity.js';
import type { SecretBox } from './secret-box.js';

const CHANNELS = [ContentChannel.EMAIL, ContentChannel.TEXT, ContentChannel.PUSH];

/** Channel settings (admins), test sends and the Flare inbox. Secrets go in sealed and never come out. */
export class ChannelService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    private readonly box: SecretBox,
    private readonly delivery: ChannelDelivery,
  ) {}

  private callbackUrl(workspaceId: string, channel: ContentChannel) {
    return `${this.deps.config.publicUrl}/v1/channels/${workspaceId}/${channel.toLowerCase()}/status`;
  }

  private view(workspaceId: string, channel: ContentChannel, row: ChannelSettings | undefined): ChannelSetting {
    if (!row || row.provider === ChannelProvider.INBOX) return { channel, provider: ChannelProvider.INBOX, smtp: null, webhook: null, updatedAt: row?.updatedAt ?? null };
    if (row.provider === ChannelProvider.SMTP) {
      const s = row.settings as SmtpSettings;
      return { channel, provider: row.provider, smtp: { ...s, hasPassword: row.secret !== null }, webhook: null, updatedAt: row.updatedAt };
    }
    const w = row.settings as WebhookSettings;
    return { channel, provider: row.provider, smtp: null, webhook: { url: w.url, statusCallbackUrl: this.callbackUrl(workspaceId, channel) }, updatedAt: row.updatedAt };
  }

  async list(viewer: Viewer): Promise<ChannelSetting[]> {
    const workspaceId = workspaceOf(viewer);
    const rows = await this.deps.dataSource.getRepository(ChannelSettings).findBy({ workspaceId });
    return CHANNELS.map((channel) =>
      this.view(
        workspaceId,
        channel,
        rows.find((r) => r.channel === channel),
      ),
    );
  }

  useInbox(viewer: Viewer, channel: ContentChannel) {
    return this.save(viewer, channel, ChannelProvider.INBOX, {}, () => null).then((r) => ({ channel: r, signingSecret: null }));
  }

  async setSmtp(viewer: Viewer, input: SetSmtpChannelInput) {
    const checked = smtpSettings(input);
    if ('problems' in checked) throw badInput(checked.problems[0].message, { reason: checked.problems[0].reason, field: checked.problems[0].field, problems: checked.problems });
    if (input.password && input.password.length > 500) throw badInput('The password is at most 500 characters.', { reason: 'TOO_LONG', field: 'password' });
    const channel = await this.save(viewer, ContentChannel.EMAIL, ChannelProvider.SMTP, checked.settings, (current) =>
      nextSecret(current?.provider === ChannelProvider.SMTP ? current.secret : null, input.password),
    );
    return { channel, signingSecret: null };
  }

  async setWebhook(viewer: Viewer, input: SetWebhookChannelInput) {
    if (input.channel === ContentChannel.EMAIL)
      throw badInput('Email goes through SMTP or the inbox; webhooks carry text and push.', { reason: 'CHANNEL_MISMATCH', field: 'channel' });
    const p = webhookUrlProblem(input.url.trim());
    if (p) throw badInput(p.message, { reason: p.reason, field: p.field });
    let made: string | null = null;
    const channel = await this.save(viewer, input.channel, ChannelProvider.WEBHOOK, { url: input.url.trim() }, (current) => {
      if (current?.provider === ChannelProvider.WEBHOOK && current.secret && !input.rotateSecret) return current.secret;
      made = `whsec_${randomBytes(24).toString('base64url')}`;
      return made;
    });
    return { channel, signingSecret: made };
  }

  /** Writes the row (secret sealed) and its audit entry in one transaction; `secret` gets the current plain secret. */
  private async save(
    viewer: Viewer,
    channel: ContentChannel,
    provider: ChannelProvider,
    settings: SmtpSettings | WebhookSettings | Record<string, never>,
    secret: (current: { provider: ChannelProvider; secret: string | null } | null) => string | null,
  ): Promise<ChannelSetting> {
    const workspaceId = workspaceOf(viewer);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ChannelSettings);
      const current = await repo.createQueryBuilder('s').setLock('pessimistic_write').where('s.workspaceId = :ws AND s.channel = :channel', { ws: workspaceId, channel }).getOne();
      const context = secretContext(workspaceId, channel);
      const plain = secret(current ? { provider: current.provider, secret: current.secret === null ? null : this.box.open(current.secret, context) } : null);
      const row = repo.create({ workspaceId, channel, provider, settings, secret: plain === null ? null : this.box.seal(plain, context), updatedAt: this.deps.clock.now() });
      await repo.save(row);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'channel.update',
        targetType: 'Channel',
        targetId: channel,
        details: {
          provider,
          ...('host' in settings ? { host: settings.host, port: settings.port } : {}),
          ...('url' in settings ? { url: settings.url } : {}),
          secretSet: plain !== null,
        },
      });
      return this.view(workspaceId, channel, row);
    });
  }

  /** Sends one message now through the channel's provider, without the journey policies; what happened comes back. */
  async sendTest(viewer: Viewer, input: SendTestMessageInput) {
    const workspaceId = workspaceOf(viewer);
    const customer = input.customerId ? await this.customer(workspaceId, input.customerId) : null;
    const to = this.recipient(input.channel, input.to ?? null, customer);
    const contact = customer ? { ...customer.fields, ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f, customer[f]])) } : { firstName: 'Ada', lastName: 'Lovelace', email: to };
    const content = input.contentId ? await this.content(workspaceId, input.contentId, input.channel) : null;
    const render = async (t: string | null | undefined, kind: 'html' | 'text' = 'text') => {
      if (!t) return null;
      try {
        return await renderTemplate(t, { trigger: {}, contact }, kind);
      } catch (error) {
        throw badInput(`The template cannot be rendered: ${(error as Error).message.split('\n')[0]}`, { reason: 'TEMPLATE_ERROR' });
      }
    };
    const id = (await this.deps.dataSource.query<{ id: string }[]>('SELECT gen_random_uuid() AS id'))[0].id;
    const email = input.channel === ContentChannel.EMAIL;
    const message = {
      id,
      workspaceId,
      channel: input.channel,
      to,
      fromName: content?.senderName ?? null,
      subject: email ? ((await render(content?.subject)) ?? 'Flare test message') : null,
      html: email ? ((await render(content?.htmlBody, 'html')) ?? '<p>This is a test message from Flare.</p>') : null,
      text: email ? ((await render(content?.textBody)) ?? 'This is a test message from Flare.') : null,
      headers: { 'X-Flare-Test': 'true' },
      body: email ? null : ((await render(content?.body)) ?? 'This is a test message from Flare.'),
      title: input.channel === ContentChannel.PUSH ? ((await render(content?.title)) ?? 'Flare test') : null,
      link: input.channel === ContentChannel.PUSH ? (content?.link ?? null) : null,
      journeyId: null,
      stepId: null,
      test: true,
    };
    const config = (await this.delivery.configs([{ workspaceId, channel: input.channel }])).get(`${workspaceId}|${input.channel}`)!;
    const result = await this.delivery.send(message, config, this.deps.clock.now());
    return { outcome: result.outcome, reason: 'reason' in result ? result.reason : null, to, provider: config.provider };
  }

  private recipient(channel: ContentChannel, to: string | null, customer: Customer | null): string {
    const given = to?.trim() || null;
    if (channel === ContentChannel.PUSH) return given ?? (customer ? `customer ${customer.authId}` : 'test device');
    if (channel === ContentChannel.EMAIL) {
      const value = given ?? customer?.email ?? null;
      if (!value) throw badInput('Give an email address, or a customer who has one.', { reason: 'NO_RECIPIENT', field: 'to' });
      const email = normaliseEmail(value);
      if ('problem' in email) throw badInput('That is not a valid email address.', { reason: 'INVALID_RECIPIENT', field: 'to' });
      return email.value;
    }
    const value = given ?? customer?.phone ?? null;
    if (!value) throw badInput('Give a phone number, or a customer who has one.', { reason: 'NO_RECIPIENT', field: 'to' });
    const phone = normalisePhone(value);
    if ('problem' in phone) throw badInput('That is not a valid phone number (use the + country form).', { reason: 'INVALID_RECIPIENT', field: 'to' });
    return phone.value;
  }

  private async customer(workspaceId: string, id: string) {
    assertId('Customer', id);
    const customer = await this.deps.dataSource.getRepository(Customer).findOneBy({ workspaceId, id });
    if (!customer) throw notFound('Customer', id);
    return customer;
  }

  private async content(workspaceId: string, id: string, channel: ContentChannel) {
    assertId('Content', id);
    const item = await this.deps.dataSource.getRepository(ContentItem).findOneBy({ workspaceId, id });
    if (!item) throw notFound('Content', id);
    if (item.channel !== channel) throw badInput(`“${item.name}” is ${item.channel.toLowerCase()} content.`, { reason: 'CHANNEL_MISMATCH', field: 'contentId' });
    return item;
  }

  inbox(viewer: Viewer, page: PageArgs, channel: ContentChannel | null) {
    const qb = this.deps.dataSource
      .getRepository(InboxMessage)
      .createQueryBuilder('m')
      .where('m.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (channel) qb.andWhere('m.channel = :channel', { channel });
    return paginate(qb, page, 'DESC', { property: 'receivedAt', value: (m) => m.receivedAt.toISOString() });
  }

  async inboxMessage(viewer: Viewer, id: string) {
    assertId('InboxMessage', id);
    const m = await this.deps.dataSource.getRepository(InboxMessage).findOneBy({ workspaceId: workspaceOf(viewer), id });
    if (!m) throw notFound('InboxMessage', id);
    return m;
  }
}
