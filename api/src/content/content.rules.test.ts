import { describe, expect, it } from 'vitest';
import { AUDIT_VALUE_MAX, fieldChanges, PUSH_BODY_MAX, PUSH_TITLE_MAX, readinessProblems, SUBJECT_MAX, TEXT_MESSAGE_MAX, triggerAttributesUsed } from './content.rules.js';
import { ContentChannel, type ContentFields } from './content.types.js';

const blank: ContentFields = { name: 'x', subject: null, senderName: null, htmlBody: null, textBody: null, body: null, title: null, link: null };
const codes = (channel: ContentChannel, over: Partial<ContentFields>) => readinessProblems(channel, { ...blank, ...over }).map((p) => `${p.field}:${p.code}`);

describe('content readiness', () => {
  it('requires the fields of each channel', () => {
    expect(codes(ContentChannel.EMAIL, {})).toEqual(['subject:FIELD_REQUIRED', 'senderName:FIELD_REQUIRED', 'htmlBody:FIELD_REQUIRED', 'textBody:FIELD_REQUIRED']);
    expect(codes(ContentChannel.TEXT, {})).toEqual(['body:FIELD_REQUIRED']);
    expect(codes(ContentChannel.PUSH, {})).toEqual(['title:FIELD_REQUIRED', 'body:FIELD_REQUIRED']);
  });

  it('allows 1,600 characters in a text message and refuses 1,601', () => {
    expect(codes(ContentChannel.TEXT, { body: 'x'.repeat(TEXT_MESSAGE_MAX) })).toEqual([]);
    expect(codes(ContentChannel.TEXT, { body: 'x'.repeat(TEXT_MESSAGE_MAX + 1) })).toEqual(['body:TOO_LONG']);
  });

  it('holds subjects and push notifications to their lengths', () => {
    const email = { subject: 'x'.repeat(SUBJECT_MAX), senderName: 'Shop', htmlBody: '<p>Hi</p>', textBody: 'Hi' };
    expect(codes(ContentChannel.EMAIL, email)).toEqual([]);
    expect(codes(ContentChannel.EMAIL, { ...email, subject: 'x'.repeat(SUBJECT_MAX + 1) })).toEqual(['subject:TOO_LONG']);
    expect(codes(ContentChannel.PUSH, { title: 'x'.repeat(PUSH_TITLE_MAX), body: 'x'.repeat(PUSH_BODY_MAX) })).toEqual([]);
    expect(codes(ContentChannel.PUSH, { title: 'x'.repeat(PUSH_TITLE_MAX + 1), body: 'x'.repeat(PUSH_BODY_MAX + 1) })).toEqual(['title:TOO_LONG', 'body:TOO_LONG']);
  });

  it('checks push links and template tokens', () => {
    expect(codes(ContentChannel.PUSH, { title: 'Hi', body: 'Back?', link: 'javascript:alert(1)' })).toEqual(['link:INVALID_LINK']);
    expect(codes(ContentChannel.TEXT, { body: 'Hi {{ contact.password }} {{ secrets.key }}' })).toEqual(['body:UNKNOWN_CONTACT_FIELD', 'body:UNKNOWN_TOKEN_ROOT']);
    expect(codes(ContentChannel.TEXT, { body: 'Hi {% for %}' })).toEqual(['body:TEMPLATE_SYNTAX']);
  });

  it('lists the trigger attributes used', () => {
    expect(
      triggerAttributesUsed(ContentChannel.EMAIL, {
        ...blank,
        subject: 'Your {{ trigger.itemCount }} items',
        htmlBody: '<a href="{{ trigger.cartUrl }}">{{ trigger.itemCount }}</a>',
      }),
    ).toEqual(['itemCount', 'cartUrl']);
  });
});

describe('fieldChanges (the audit diff of an edit)', () => {
  it('lists only the fields that differ, before and after, and cuts long values', () => {
    const long = 'y'.repeat(AUDIT_VALUE_MAX + 50);
    expect(fieldChanges({ ...blank, subject: 'Hi' }, { ...blank, subject: 'Hi', htmlBody: long, name: 'z' })).toEqual({
      name: { before: 'x', after: 'z' },
      htmlBody: { before: null, after: `${'y'.repeat(AUDIT_VALUE_MAX)}…` },
    });
    expect(fieldChanges(blank, { ...blank })).toEqual({});
  });
});
