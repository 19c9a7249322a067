import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ContentChannel } from '../content/content.types.js';
import { QuietHoursTimeZone, Weekday } from './send-policy.rules.js';

@ObjectType('FrequencyCap', { description: 'Limits on commercial messages per contact point (address, phone, push customer) over rolling windows.' })
export class FrequencyCapInfo {
  @Field(() => Int, { nullable: true, description: 'At most this many in any 24 hours (null: no limit).' }) per24h!: number | null;
  @Field(() => Int, { nullable: true, description: 'At most this many in any 7 days (null: no limit).' }) per7d!: number | null;
  @Field(() => Int, { nullable: true, description: 'At most this many in any 30 days (null: no limit).' }) per30d!: number | null;
}

@ObjectType('QuietHours', { description: 'A daily window in which messages are held until it ends.' })
export class QuietHoursInfo {
  @Field(() => String, { description: 'Start, HH:MM.' }) start!: string;
  @Field(() => String, { description: 'End, HH:MM (before the start: the next day).' }) end!: string;
  @Field(() => [Weekday], { description: 'Days the window starts on; empty: every day.' }) days!: Weekday[];
  @Field(() => QuietHoursTimeZone, { description: 'Whose clock: the customer’s (else the workspace’s) or the workspace’s.' }) timeZoneMode!: QuietHoursTimeZone;
}

@InputType({ description: 'A channel’s frequency cap; every window null removes it.' })
export class SetFrequencyCapInput {
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => Int, { nullable: true, description: 'Per 24 hours, 1–1000; null: no limit.' }) per24h?: number | null;
  @Field(() => Int, { nullable: true, description: 'Per 7 days, 1–1000; null: no limit.' }) per7d?: number | null;
  @Field(() => Int, { nullable: true, description: 'Per 30 days, 1–1000; null: no limit.' }) per30d?: number | null;
}

@InputType({ description: 'A channel’s quiet hours; start and end null remove them.' })
export class SetQuietHoursInput {
  @Field(() => ContentChannel, { description: 'EMAIL, TEXT or PUSH.' }) channel!: ContentChannel;
  @Field(() => String, { nullable: true, description: 'Start, HH:MM (24-hour clock).' }) start?: string | null;
  @Field(() => String, { nullable: true, description: 'End, HH:MM; before the start: the next day.' }) end?: string | null;
  @Field(() => [Weekday], { defaultValue: [], description: 'Days the window starts on; empty: every day.' }) days!: Weekday[];
  @Field(() => QuietHoursTimeZone, { defaultValue: QuietHoursTimeZone.CUSTOMER, description: 'Whose clock the window is read on.' })
  timeZoneMode!: QuietHoursTimeZone;
}

@InputType({ description: 'The workspace’s time zone.' })
export class SetWorkspaceTimeZoneInput {
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Berlin.' }) timeZone!: string;
}
