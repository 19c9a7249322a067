import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ContentChannel } from '../content/content.types.js';
import { QuietHoursTimeZone, type Weekday } from './send-policy.rules.js';

/** Per workspace and channel: the send-time policies (no row: no cap, no quiet hours). Read by the sender in its claim. */
@Entity({ name: 'channel_policies' })
export class ChannelPolicy {
  @PrimaryColumn({ type: 'uuid' })
  workspaceId!: string;

  @PrimaryColumn({ type: 'text' })
  channel!: ContentChannel;

  /** Commercial messages per contact point in a rolling 24 h; null: no limit. */
  @Column({ type: 'int', name: 'cap_24h', nullable: true })
  cap24h!: number | null;

  @Column({ type: 'int', name: 'cap_7d', nullable: true })
  cap7d!: number | null;

  @Column({ type: 'int', name: 'cap_30d', nullable: true })
  cap30d!: number | null;

  /** Quiet hours start, HH:MM; null: no quiet hours. */
  @Column({ type: 'text', nullable: true })
  quietStart!: string | null;

  @Column({ type: 'text', nullable: true })
  quietEnd!: string | null;

  /** Days a quiet window starts on; empty: every day. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  quietDays!: Weekday[];

  @Column({ type: 'text', default: QuietHoursTimeZone.CUSTOMER })
  quietTimeZone!: QuietHoursTimeZone;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
