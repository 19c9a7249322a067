/**
 * The audit log in words people read: "Ada Lovelace created trigger “Cart abandoned”". Pure functions over an
 * entry's fields; an action this table does not know still reads well ("Ada: password reset, user “Ada”").
 */
export type AuditEntryWords = {
  actorType: string;
  actorId?: string | null;
  actorLabel: string;
  actorName?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  targetName?: string | null;
  details: Record<string, unknown>;
};

export type AuditSentence = { actor: string; verb: string; object: string | null; name: string | null; extra: string | null };

/** Kinds of object, as a noun. */
const NOUNS: Record<string, string> = {
  Trigger: 'trigger',
  Journey: 'journey',
  Content: 'content',
  ApiKey: 'API key',
  IngestionKey: 'ingestion key',
  Membership: 'member',
  Invitation: 'an invitation for',
  Customer: 'a customer',
  CustomerField: 'customer field',
  Channel: 'channel',
  ConsentPolicy: 'the consent policy of',
  Workspace: 'workspace',
  User: 'user',
  Session: '',
};

/** The verb of an action's last part. */
const VERBS: Record<string, string> = {
  create: 'created',
  update: 'updated',
  hide: 'hid',
  revoke: 'revoked',
  rotate: 'rotated',
  duplicate: 'duplicated',
  markReady: 'marked ready to send',
  ready: 'marked ready to use',
  publish: 'published',
  stop: 'stopped',
  roleChange: 'changed the role of',
  remove: 'removed',
  invite: 'invited',
  erase: 'erased',
  consent: 'changed the consent of',
  define: 'defined',
  set: 'set',
  seed: 'seeded',
  timeZone: 'changed the time zone of',
  origins: 'changed the allowed origins of',
  frequencyCap: 'changed the frequency cap of',
  quietHours: 'changed the quiet hours of',
  resend: 'resent',
  passwordChange: 'changed the password of',
  passwordReset: 'reset the password of',
  passwordResetRequest: 'created a password reset link for',
};

/** What a user did to their own account, said as such ("Ada changed their password"). */
const OWN_ACCOUNT: Record<string, string> = {
  passwordChange: 'changed their password',
  passwordReset: 'reset their password',
  passwordResetRequest: 'asked for a password reset',
};

const CHANNELS: Record<string, string> = { EMAIL: 'Email', TEXT: 'Text message', PUSH: 'Push notification' };
const CONTENT_NOUNS: Record<string, string> = { EMAIL: 'email', TEXT: 'text message', PUSH: 'push notification' };

/** `signInFailed`, `sign_in_failed` → "sign in failed". */
export function humanise(word: string): string {
  return word
    .replace(/[_.-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
}

const isFailedSignIn = (action: string) => /sign[\s_.-]?in[\s_.-]?fail/i.test(action);

function actorOf(e: AuditEntryWords): string {
  if (isFailedSignIn(e.action)) return 'Someone';
  switch (e.actorType) {
    case 'USER':
      return e.actorName || e.actorLabel;
    case 'API_KEY':
      return `API key ${e.actorLabel}`;
    case 'SYSTEM':
      return e.actorLabel === 'Flare' || !e.actorLabel ? 'Flare' : e.actorLabel;
    default:
      return e.actorLabel || 'Someone';
  }
}

function nameOf(e: AuditEntryWords): string | null {
  if (e.targetType === 'Customer') return null;
  if (e.targetType === 'Channel' || e.targetType === 'ConsentPolicy') return CHANNELS[e.targetId ?? ''] ?? e.targetId ?? null;
  return e.targetName ?? e.targetId ?? null;
}

function nounOf(e: AuditEntryWords): string {
  if (e.targetType === 'Content' && typeof e.details.channel === 'string') return CONTENT_NOUNS[e.details.channel] ?? 'content';
  return NOUNS[e.targetType] ?? humanise(e.targetType);
}

/** The entry as a sentence in parts, so the page can set the object's name apart. */
export function auditSentence(e: AuditEntryWords): AuditSentence {
  const actor = actorOf(e);
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  switch (e.action) {
    case 'session.signIn':
      return { actor, verb: 'signed in', object: null, name: null, extra: null };
    case 'session.signOut':
      return { actor, verb: 'signed out', object: null, name: null, extra: null };
    case 'invitation.accept':
      return { actor, verb: 'joined the workspace', object: null, name: null, extra: text(e.details.role) ? `as ${humanise(e.details.role as string)}` : null };
    case 'customer.import':
      return { actor, verb: 'imported customers', object: null, name: null, extra: null };
    case 'workspace.seed':
      return { actor, verb: 'created the demo workspace', object: null, name: null, extra: null };
  }
  if (isFailedSignIn(e.action)) {
    const email = text(e.details.email) ?? e.targetName ?? null;
    return { actor, verb: 'tried to sign in', object: email ? 'as' : null, name: email, extra: text(e.details.reason) ? `(${humanise(e.details.reason as string)})` : null };
  }
  const last = e.action.split('.').at(-1) ?? e.action;
  if (e.targetType === 'User' && e.actorId && e.actorId === e.targetId && OWN_ACCOUNT[last]) return { actor, verb: OWN_ACCOUNT[last], object: null, name: null, extra: null };
  const verb = VERBS[last];
  const name = nameOf(e);
  const object = nounOf(e) || null;
  if (verb) return { actor, verb, object, name, extra: null };
  // An action this page does not know yet: its words, then the object.
  return { actor: `${actor}:`, verb: humanise(e.action), object: name || object ? `— ${object ?? ''}`.trimEnd() : null, name, extra: null };
}

/** The whole sentence as one string (for tests, titles and screen readers). */
export function auditSentenceText(e: AuditEntryWords): string {
  const s = auditSentence(e);
  return [s.actor, s.verb, s.object, s.name ? `“${s.name}”` : null, s.extra].filter(Boolean).join(' ');
}

/** An action as a filter option reads it: `trigger.create` → "Created (trigger)". */
export function actionLabel(action: string, targetType: string): string {
  if (isFailedSignIn(action)) return 'Failed sign-in';
  const special: Record<string, string> = { 'session.signIn': 'Signed in', 'session.signOut': 'Signed out', 'invitation.accept': 'Joined the workspace' };
  if (special[action]) return special[action];
  const last = action.split('.').at(-1) ?? action;
  const words = VERBS[last] ?? humanise(action);
  const noun = NOUNS[targetType] ?? humanise(targetType);
  const label = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return noun ? `${label} (${noun.replace(/^(a|an|the) /, '').replace(/ (of|for)$/, '')})` : label;
}

const TYPE_LABELS: Record<string, string> = {
  Trigger: 'Triggers',
  Journey: 'Journeys',
  Content: 'Content',
  ApiKey: 'API keys',
  IngestionKey: 'Ingestion keys',
  Membership: 'Members',
  Invitation: 'Invitations',
  Customer: 'Customers',
  CustomerField: 'Customer fields',
  Channel: 'Channels',
  ConsentPolicy: 'Consent policies',
  Workspace: 'Workspace',
  User: 'Users and sign-ins',
  Session: 'Sessions',
};

/** A kind of object as a filter option reads it. */
export function targetTypeLabel(targetType: string): string {
  const words = humanise(targetType);
  return TYPE_LABELS[targetType] ?? `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
