import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { html as HTML, parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What a tracking token opens: the open pixel, an email link, the unsubscribe page, a text message's short link. */
export enum TrackKind {
  OPEN = 'o',
  CLICK = 'c',
  UNSUBSCRIBE = 'u',
  SHORT = 's',
}

/** Signature bytes kept per kind: 128 bits for email, 64 bits for text short links (forgery is still 2^-64 per try, and rate-limited). */
const MAC_BYTES: Record<TrackKind, number> = { o: 16, c: 16, u: 16, s: 8 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Links a message may have rewritten (the index is two bytes in the token). */
export const MAX_TRACKED_LINKS = 500;

/** The key tracking tokens are signed with, derived from the secret key (HKDF-SHA256) so it never doubles as the sealing key. */
export function trackingKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'flare/tracking-links/v1', 32));
}

const mac = (key: Buffer, kind: TrackKind, payload: Buffer) => createHmac('sha256', key).update(kind).update(payload).digest().subarray(0, MAC_BYTES[kind]);

/**
 * A token naming (message id, link index), signed for one kind: base64url(id ‖ index ‖ HMAC-SHA256(kind ‖ id ‖ index)
 * truncated). The target URL is not in it: it is looked up from the message's stored links.
 */
export function signToken(key: Buffer, kind: TrackKind, messageId: string, index = 0): string {
  if (!UUID.test(messageId)) throw new Error('A tracking token names a message by its UUID.');
  const payload = Buffer.alloc(18);
  Buffer.from(messageId.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUInt16BE(index, 16);
  return Buffer.concat([payload, mac(key, kind, payload)]).toString('base64url');
}

/** The (message id, index) a token of this kind names, or null when it is malformed or its signature does not match. */
export function readToken(key: Buffer, kind: TrackKind, token: string): { messageId: string; index: number } | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 18 + MAC_BYTES[kind] || raw.toString('base64url') !== token) return null;
  const payload = raw.subarray(0, 18);
  if (!timingSafeEqual(raw.subarray(18), mac(key, kind, payload))) return null;
  const hex = payload.subarray(0, 16).toString('hex');
  return { messageId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, index: payload.readUInt16BE(16) };
}

/** Tracking URLs of a message under the public URL. */
export function trackingUrls(key: Buffer, publicUrl: string, messageId: string) {
  return {
    pixel: `${publicUrl}/t/o/${signToken(key, TrackKind.OPEN, messageId)}.gif`,
    unsubscribe: `${publicUrl}/u/${signToken(key, TrackKind.UNSUBSCRIBE, messageId)}`,
    click: (index: number) => `${publicUrl}/t/c/${signToken(key, TrackKind.CLICK, messageId, index)}`,
    short: (index: number) => `${publicUrl}/t/s/${signToken(key, TrackKind.SHORT, messageId, index)}`,
  };
}

/** Whether an href is followed through a tracking link: absolute http(s) only (not mailto:, tel:, #anchors, relative paths). */
export const isTrackable = (href: string) => /^https?:\/\/[^\s]/i.test(href.trim());

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An http(s) URL in plain text, up to whitespace or an angle bracket or quote; trailing punctuation is the sentence's. */
const TEXT_URL = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]}'’]+$/;

/** Rewrites the http(s) URLs of plain text to `rewrite(url, index)`, numbering them from `first`; returns the text and the URLs in order. */
export function rewriteTextLinks(text: string, first: number, rewrite: (index: number) => string): { text: string; links: string[] } {
  const links: string[] = [];
  const out = text.replace(TEXT_URL, (found) => {
    const trail = TRAILING.exec(found)?.[0] ?? '';
    const url = found.slice(0, found.length - trail.length);
    if (!isTrackable(url) || first + links.length >= MAX_TRACKED_LINKS) return found;
    links.push(url);
    return rewrite(first + links.length - 1) + trail;
  });
  return { text: out, links };
}

type Splice = { start: number; end: number; text: string };

/**
 * Rewrites the href of every HTML <a> and <area> whose target is an absolute http(s) URL (not mailto:, tel:,
 * #anchors, relative links, nor links marked data-flare-track="off") to `rewrite(index)`, and inserts `beforeBodyEnd`
 * before </body> (or at the end). Parsed with parse5 (the WHATWG algorithm browsers use) for the positions only:
 * the document is changed by splicing the original text, so everything else stays byte for byte as rendered.
 * The links are returned as browsers read them (entities decoded, surrounding whitespace trimmed).
 */
export function rewriteHtmlLinks(html: string, rewrite: (index: number) => string, beforeBodyEnd: string): { html: string; links: string[] } {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const links: string[] = [];
  const splices: Splice[] = [];
  let bodyEnd: number | null = null;
  let htmlEnd: number | null = null;
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const el: Element = node;
      const loc = el.sourceCodeLocation;
      if (el.tagName === 'body' && loc?.endTag) bodyEnd ??= loc.endTag.startOffset;
      if (el.tagName === 'html' && loc?.endTag) htmlEnd ??= loc.endTag.startOffset;
      if ((el.tagName === 'a' || el.tagName === 'area') && el.namespaceURI === HTML.NS.HTML) {
        const href = el.attrs.find((a) => a.name === 'href' && !a.prefix);
        const off = el.attrs.some((a) => a.name === 'data-flare-track' && a.value.trim().toLowerCase() === 'off');
        const at = loc?.attrs?.href;
        if (href && at && !off && isTrackable(href.value) && links.length < MAX_TRACKED_LINKS) {
          links.push(href.value.trim());
          splices.push({ start: at.startOffset, end: at.endOffset, text: `href="${escapeAttr(rewrite(links.length - 1))}"` });
        }
      }
      if (el.tagName === 'template' && 'content' in el) visit((el as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(doc);
  const insertAt = bodyEnd ?? htmlEnd ?? html.length;
  splices.push({ start: insertAt, end: insertAt, text: beforeBodyEnd });
  // Applied from the end so earlier offsets stay valid (the insertion point is after every attribute it could tie with).
  splices.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = html;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return { html: out, links };
}

/** What tracking makes of an email: the HTML and text to send, the headers to add, and the links to store (by index). */
export type TrackedEmail = { html: string | null; text: string | null; headers: Record<string, string>; links: string[] };

/**
 * Tracking for one email: links rewritten (HTML first, then the text part's, one index sequence), an open
 * pixel and an unsubscribe link before </body>, an unsubscribe line at the end of the text, and the RFC 8058
 * one-click headers.
 */
export function trackEmail(key: Buffer, publicUrl: string, m: { id: string; html: string | null; text: string | null }): TrackedEmail {
  const urls = trackingUrls(key, publicUrl, m.id);
  const footer =
    `<p style="font-size:12px;color:#6b6b6b;text-align:center"><a href="${escapeAttr(urls.unsubscribe)}" data-flare-track="off">Unsubscribe</a></p>` +
    `<img src="${escapeAttr(urls.pixel)}" width="1" height="1" alt="" style="display:none">`;
  const html = m.html === null ? null : rewriteHtmlLinks(m.html, urls.click, footer);
  const links = html?.links ?? [];
  const text = m.text === null ? null : rewriteTextLinks(m.text, links.length, urls.click);
  return {
    html: html?.html ?? null,
    text: text === null ? null : `${text.text.replace(/\s+$/, '')}\n\nUnsubscribe: ${urls.unsubscribe}\n`,
    headers: { 'List-Unsubscribe': `<${urls.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    links: [...links, ...(text?.links ?? [])],
  };
}

/** Tracking for a text message: its http(s) links become short tracked links. */
export function trackText(key: Buffer, publicUrl: string, m: { id: string; body: string | null }): { body: string | null; links: string[] } {
  if (m.body === null) return { body: null, links: [] };
  const urls = trackingUrls(key, publicUrl, m.id);
  const { text, links } = rewriteTextLinks(m.body, 0, urls.short);
  return { body: text, links };
}

/** Whether a hit on a tracking URL was a person, or a machine (privacy proxy, security scanner, prefetch). */
export type Hit = { kind: 'OPEN' | 'CLICK'; method: string; userAgent: string | null; sentAt: Date | null; now: Date };

/** Opens this soon after delivery are a proxy or the provider fetching images, not a person. */
export const MACHINE_OPEN_MS = 2_000;
/** Clicks this soon after delivery are a link scanner. */
export const MACHINE_CLICK_MS = 1_000;

/**
 * Image proxies that fetch on delivery or on behalf of a reader: Gmail (GoogleImageProxy, via ggpht.com), Yahoo,
 * and Apple Mail Privacy Protection, which fetches every image of every mail as soon as it arrives with the bare
 * user agent "Mozilla/5.0" (and no more).
 */
const PROXY_UA = [/GoogleImageProxy/i, /ggpht\.com/i, /YahooMailProxy/i, /^Mozilla\/5\.0$/];
/** Link scanners and fetchers that follow every link of a mail (security gateways, bots, HTTP libraries). */
const SCANNER_UA = [
  /bot\b|crawler|spider|scanner|preview/i,
  /Barracuda|Proofpoint|Mimecast|urldefense|SafeLinks|Trend ?Micro|Symantec|Sophos|Forcepoint|MessageLabs/i,
  /^(curl|wget|python-requests|python-urllib|go-http-client|java|okhttp|libwww-perl)\b/i,
];

/** Machine opens are recorded as email_opened_machine alone; machine clicks are redirected and not recorded. */
export function isMachine(hit: Hit): boolean {
  if (hit.method === 'HEAD') return true;
  const ua = (hit.userAgent ?? '').trim();
  if (ua === '') return true;
  if (SCANNER_UA.some((p) => p.test(ua))) return true;
  // Delivery not recorded yet: the fetch came with the send itself.
  if (hit.sentAt === null) return true;
  const since = hit.now.getTime() - hit.sentAt.getTime();
  if (hit.kind === 'OPEN') return since < MACHINE_OPEN_MS || PROXY_UA.some((p) => p.test(ua));
  return since < MACHINE_CLICK_MS;
}
