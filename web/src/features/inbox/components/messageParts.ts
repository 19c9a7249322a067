/** Pure helpers for showing a captured message: links found in it, and its HTML with links opening a new tab. */

export type FoundLink = { href: string; text: string; safe: boolean };

/** Only these open from Flare's own page; anything else (javascript:, data:) is listed as text, never as a link. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function isSafeHref(href: string): boolean {
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

/**
 * The links of an email's HTML, in order, once each. DOMParser builds an inert document: no scripts run and no
 * images load (the open pixel fires only in the preview iframe).
 */
export function htmlLinks(html: string): FoundLink[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const seen = new Set<string>();
  const links: FoundLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || href.startsWith('#') || seen.has(href)) continue;
    seen.add(href);
    links.push({ href, text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(), safe: isSafeHref(href) });
  }
  return links;
}

/** URLs written in plain text (text messages, push bodies, the plain-text part). */
export function textLinks(...texts: (string | null | undefined)[]): FoundLink[] {
  const seen = new Set<string>();
  const links: FoundLink[] = [];
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(/https?:\/\/[^\s<>"')\]]+/g)) {
      const href = match[0].replace(/[.,;:!?]+$/, '');
      if (seen.has(href)) continue;
      seen.add(href);
      links.push({ href, text: '', safe: isSafeHref(href) });
    }
  }
  return links;
}

/**
 * The email's HTML for the sandboxed preview, with `<base target="_blank">` so its links open in a new tab
 * (the sandbox allows popups, not navigating Flare's page). Nothing else is changed.
 */
export function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + base + html.slice(doctype[0].length);
  return base + html;
}

/** A header value as text: strings as they are, anything else as JSON. */
export const headerText = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) ? value.map(String).join(', ') : JSON.stringify(value));
