import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ContentChannel } from '../content/content.types.js';
import { ChannelProvider, type ProviderSettings } from './channel.types.js';

/** Per workspace and channel: who delivers (no row: the Flare inbox). Secrets are sealed (see SecretBox) and never returned. */
@Entity({ name: 'channel_settings' })
export class ChannelSettings {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: ContentChannel;

  @Column({ type: 'text' })
  provider!: ChannelProvider;

  @Column({ type: 'jsonb' })
  settings!: ProviderSettings;

  /** The SMTP password or the webhook signing secret, sealed with the workspace and channel as context. */
  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
