import { analyseTemplate, type TokenProblem } from './templates.js';
import { ContentChannel, type ContentFields } from './content.types.js';

export const TEXT_MESSAGE_MAX = 1_600;
export const PUSH_TITLE_MAX = 65;
export const PUSH_BODY_MAX = 240;
export const SUBJECT_MAX = 200;

export type ContentProblem = { field: string; code: string; message: string };

/** The fields a channel uses, each with its template text. */
export function templatedFields(channel: ContentChannel, c: ContentFields): { field: keyof ContentFields; value: string | null }[] {
  switch (channel) {
    case ContentChannel.EMAIL:
      return [
        { field: 'subject', value: c.subject },
        { field: 'htmlBody', value: c.htmlBody },
        { field: 'textBody', value: c.textBody },
      ];
    case ContentChannel.TEXT:
      return [{ field: 'body', value: c.body }];
    case ContentChannel.PUSH:
      return [
        { field: 'title', value: c.title },
        { field: 'body', value: c.body },
      ];
  }
}

/** Problems that keep content from READY_TO_SEND: required fields, lengths, links, template syntax and tokens. */
export function readinessProblems(channel: ContentChannel, c: ContentFields): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const required = (field: keyof ContentFields, label: string) => {
    if (!c[field]?.trim()) problems.push({ field, code: 'FIELD_REQUIRED', message: `${label} is required.` });
  };
  switch (channel) {
    case ContentChannel.EMAIL:
      required('subject', 'Subject');
      required('senderName', 'Sender name');
      required('htmlBody', 'HTML body');
      required('textBody', 'Plain-text fallback');
      if ((c.subject ?? '').length > SUBJECT_MAX) problems.push({ field: 'subject', code: 'TOO_LONG', message: `The subject must be at most ${SUBJECT_MAX} characters.` });
      break;
    case ContentChannel.TEXT:
      required('body', 'Message');
      if ((c.body ?? '').length > TEXT_MESSAGE_MAX) problems.push({ field: 'body', code: 'TOO_LONG', message: `A text message is at most ${TEXT_MESSAGE_MAX} characters.` });
      break;
    case ContentChannel.PUSH:
      required('title', 'Title');
      required('body', 'Body');
      if ((c.title ?? '').length > PUSH_TITLE_MAX) problems.push({ field: 'title', code: 'TOO_LONG', message: `The title is at most ${PUSH_TITLE_MAX} characters.` });
      if ((c.body ?? '').length > PUSH_BODY_MAX) problems.push({ field: 'body', code: 'TOO_LONG', message: `The body is at most ${PUSH_BODY_MAX} characters.` });
      if (c.link && !/^(https:\/\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(c.link))
        problems.push({ field: 'link', code: 'INVALID_LINK', message: 'The link must be an https:// URL or an app deep link.' });
      break;
  }
  for (const { field, value } of templatedFields(channel, c)) {
    if (!value) continue;
    for (const p of analyseTemplate(value).problems) problems.push({ field, code: p.code, message: p.message });
  }
  return problems;
}

/** Every `trigger.<attribute>` the content personalises with (checked against the start trigger at publish). */
export function triggerAttributesUsed(channel: ContentChannel, c: ContentFields): string[] {
  return [...new Set(templatedFields(channel, c).flatMap(({ value }) => (value ? analyseTemplate(value).triggerAttributes : [])))];
}

export type { TokenProblem };

/** Longest value an audit entry keeps of a changed field. */
export const AUDIT_VALUE_MAX = 2_000;

/** The fields that differ, each with its value before and after (long values cut), for the audit log's diff. */
export function fieldChanges(before: ContentFields, after: ContentFields): Record<string, { before: string | null; after: string | null }> {
  const cut = (v: string | null) => (v !== null && v.length > AUDIT_VALUE_MAX ? `${v.slice(0, AUDIT_VALUE_MAX)}…` : v);
  const changes: Record<string, { before: string | null; after: string | null }> = {};
  for (const key of Object.keys(after) as (keyof ContentFields)[]) {
    if ((before[key] ?? null) !== (after[key] ?? null)) changes[key] = { before: cut(before[key] ?? null), after: cut(after[key] ?? null) };
  }
  return changes;
}
