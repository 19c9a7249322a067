import { describe, expect, it } from 'vitest';
import { isMachine, readToken, rewriteHtmlLinks, rewriteTextLinks, signToken, trackEmail, trackingKey, TrackKind, trackText } from './tracking.rules.js';

const key = trackingKey(Buffer.alloc(32, 7));
const ID = '0f8e5a2c-1d3b-4c5e-9f70-112233445566';
const U = 'https://flare.example';
const numbered = (i: number) => `${U}/t/c/T${i}`;

describe('tokens', () => {
  it('round-trip (message id, index) per kind, and are base64url', () => {
    const token = signToken(key, TrackKind.CLICK, ID, 3);
    expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
    expect(readToken(key, TrackKind.CLICK, token)).toEqual({ messageId: ID, index: 3 });
    expect(signToken(key, TrackKind.SHORT, ID, 0)).toHaveLength(35);
  });

  it('refuse a token of another kind, another key, a changed byte, or trailing junk', () => {
    const token = signToken(key, TrackKind.CLICK, ID, 1);
    expect(readToken(key, TrackKind.UNSUBSCRIBE, token)).toBeNull();
    expect(readToken(key, TrackKind.OPEN, token)).toBeNull();
    expect(readToken(trackingKey(Buffer.alloc(32, 8)), TrackKind.CLICK, token)).toBeNull();
    const raw = Buffer.from(token, 'base64url');
    raw[17] ^= 1; // the index: 1 → 0
    expect(readToken(key, TrackKind.CLICK, raw.toString('base64url'))).toBeNull();
    expect(readToken(key, TrackKind.CLICK, `${token}A`)).toBeNull();
    expect(readToken(key, TrackKind.CLICK, '')).toBeNull();
    expect(readToken(key, TrackKind.CLICK, 'not a token!')).toBeNull();
  });

  it('derive their key from the secret key, not equal to it', () => {
    expect(trackingKey(Buffer.alloc(32, 7)).equals(Buffer.alloc(32, 7))).toBe(false);
    expect(trackingKey(Buffer.alloc(32, 7))).toHaveLength(32);
  });
});

describe('rewriting HTML links', () => {
  it('rewrites http(s) links of <a> and <area>, leaves mailto:, tel:, anchors, relative links and opted-out links alone', () => {
    const html = [
      '<a href="https://shop.example/a">A</a>',
      '<a href="mailto:help@shop.example">mail</a>',
      '<a href="tel:+4930123">call</a>',
      '<a href="#top">top</a>',
      '<a href="/relative">rel</a>',
      '<a href="https://shop.example/private" data-flare-track="off">private</a>',
      '<a href="https://shop.example/private2" DATA-FLARE-TRACK="OFF">private2</a>',
      '<map><area href="http://shop.example/area" alt="x"></map>',
      '<a>no href</a>',
    ].join('\n');
    const out = rewriteHtmlLinks(html, numbered, '');
    expect(out.links).toEqual(['https://shop.example/a', 'http://shop.example/area']);
    expect(out.html).toBe(
      [
        `<a href="${U}/t/c/T0">A</a>`,
        '<a href="mailto:help@shop.example">mail</a>',
        '<a href="tel:+4930123">call</a>',
        '<a href="#top">top</a>',
        '<a href="/relative">rel</a>',
        '<a href="https://shop.example/private" data-flare-track="off">private</a>',
        '<a href="https://shop.example/private2" DATA-FLARE-TRACK="OFF">private2</a>',
        `<map><area href="${U}/t/c/T1" alt="x"></map>`,
        '<a>no href</a>',
      ].join('\n'),
    );
  });

  it('handles uppercase HREF, single quotes, unquoted values and quotes inside values, keeping every other byte', () => {
    const html = `<A HREF='https://shop.example/q?x="1"' class=big>one</A><a id=x href=https://shop.example/u>two</a><a title='it"s' href="https://shop.example/t?q=it's">three</a>`;
    const out = rewriteHtmlLinks(html, numbered, '');
    expect(out.links).toEqual(['https://shop.example/q?x="1"', 'https://shop.example/u', "https://shop.example/t?q=it's"]);
    expect(out.html).toBe(`<A href="${U}/t/c/T0" class=big>one</A><a id=x href="${U}/t/c/T1">two</a><a title='it"s' href="${U}/t/c/T2">three</a>`);
  });

  it('stores links with entities decoded and query strings kept; the tracking URL replaces them whole', () => {
    const out = rewriteHtmlLinks('<a href="https://shop.example/p?a=1&amp;b=2&#38;c=%20d#frag">x</a><a href=" https://shop.example/s ">y</a>', numbered, '');
    expect(out.links).toEqual(['https://shop.example/p?a=1&b=2&c=%20d#frag', 'https://shop.example/s']);
    expect(out.html).toBe(`<a href="${U}/t/c/T0">x</a><a href="${U}/t/c/T1">y</a>`);
  });

  it('escapes what it writes into the attribute', () => {
    const out = rewriteHtmlLinks('<a href="https://x.example">x</a>', () => 'https://t.example/?a=1&b="2"', '');
    expect(out.html).toBe('<a href="https://t.example/?a=1&amp;b=&quot;2&quot;">x</a>');
  });

  it('inserts before </body> of a full document, at the end of a fragment; ignores links in comments, keeps the doctype and comments', () => {
    const doc = '<!DOCTYPE html><html><head><title>T</title></head><body><!-- <a href="https://c.example">c</a> --><p>Hi</p></body></html>\n';
    const out = rewriteHtmlLinks(doc, numbered, '<img src="p">');
    expect(out.links).toEqual([]);
    expect(out.html).toBe('<!DOCTYPE html><html><head><title>T</title></head><body><!-- <a href="https://c.example">c</a> --><p>Hi</p><img src="p"></body></html>\n');
    expect(rewriteHtmlLinks('<p>Hi</p>', numbered, '<img src="p">').html).toBe('<p>Hi</p><img src="p">');
    expect(rewriteHtmlLinks('<BODY><p>x</p></BODY>', numbered, '!').html).toBe('<BODY><p>x</p>!</BODY>');
  });

  it('finds links in tables, templates and malformed markup, and not SVG links or script text', () => {
    const html =
      '<table><tr><td><a href="https://a.example">a</td></tr></table><template><a href="https://b.example">b</a></template>' +
      '<svg><a href="https://svg.example">s</a></svg><script>var s = "<a href=\\"https://js.example\\">";</script><a href="https://c.example">c';
    const out = rewriteHtmlLinks(html, numbered, '');
    expect(out.links).toEqual(['https://a.example', 'https://b.example', 'https://c.example']);
    expect(out.html).toContain('https://svg.example');
    expect(out.html).toContain('https://js.example');
  });
});

describe('rewriting text links', () => {
  it('rewrites http(s) URLs, leaving sentence punctuation and other schemes', () => {
    const out = rewriteTextLinks('See https://shop.example/c?x=1&y=2. Or (http://b.example/p), mail help@shop.example, ftp://f.example', 0, (i) => `${U}/t/s/S${i}`);
    expect(out.links).toEqual(['https://shop.example/c?x=1&y=2', 'http://b.example/p']);
    expect(out.text).toBe(`See ${U}/t/s/S0. Or (${U}/t/s/S1), mail help@shop.example, ftp://f.example`);
  });
});

describe('tracking an email', () => {
  it('rewrites HTML then text links in one sequence, adds the pixel, unsubscribe link, text line and one-click headers', () => {
    const out = trackEmail(key, U, { id: ID, html: '<p><a href="https://shop.example/c">finish</a></p>', text: 'Finish: https://shop.example/c\n' });
    expect(out.links).toEqual(['https://shop.example/c', 'https://shop.example/c']);
    const unsubscribe = `${U}/u/${signToken(key, TrackKind.UNSUBSCRIBE, ID)}`;
    expect(out.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(out.html).toContain(`<a href="${U}/t/c/${signToken(key, TrackKind.CLICK, ID, 0)}">finish</a>`);
    expect(out.html).toContain(`<a href="${unsubscribe}" data-flare-track="off">Unsubscribe</a>`);
    expect(out.html).toMatch(new RegExp(`<img src="${U}/t/o/${signToken(key, TrackKind.OPEN, ID)}\\.gif" width="1" height="1" alt="" style="display:none">$`));
    expect(out.text).toBe(`Finish: ${U}/t/c/${signToken(key, TrackKind.CLICK, ID, 1)}\n\nUnsubscribe: ${unsubscribe}\n`);
  });

  it('keeps a missing part missing', () => {
    const out = trackEmail(key, U, { id: ID, html: null, text: 'x' });
    expect(out.html).toBeNull();
    expect(out.text).toContain('Unsubscribe: ');
  });

  it('turns a text message’s links into short links', () => {
    const out = trackText(key, U, { id: ID, body: 'Your cart: https://shop.example/c' });
    expect(out).toEqual({ body: `Your cart: ${U}/t/s/${signToken(key, TrackKind.SHORT, ID, 0)}`, links: ['https://shop.example/c'] });
  });
});

describe('machine hits', () => {
  const sentAt = new Date('2026-01-01T10:00:00Z');
  const at = (ms: number) => new Date(sentAt.getTime() + ms);
  const browser = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)';
  it('opens: HEAD, within 2 s of delivery, proxies (Gmail, Apple Mail Privacy Protection), scanners, no user agent', () => {
    const open = (over: Partial<Parameters<typeof isMachine>[0]>) => isMachine({ kind: 'OPEN', method: 'GET', userAgent: browser, sentAt, now: at(60_000), ...over });
    expect(open({})).toBe(false);
    expect(open({ method: 'HEAD' })).toBe(true);
    expect(open({ now: at(1_999) })).toBe(true);
    expect(open({ now: at(2_000) })).toBe(false);
    expect(open({ sentAt: null })).toBe(true);
    expect(open({ userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' })).toBe(true);
    expect(open({ userAgent: 'Mozilla/5.0' })).toBe(true);
    expect(open({ userAgent: null })).toBe(true);
    expect(open({ userAgent: 'Barracuda Sentinel (EE)' })).toBe(true);
  });
  it('clicks: HEAD, sub-second after delivery, scanners; a proxy user agent alone is not a click scanner', () => {
    const click = (over: Partial<Parameters<typeof isMachine>[0]>) => isMachine({ kind: 'CLICK', method: 'GET', userAgent: browser, sentAt, now: at(60_000), ...over });
    expect(click({})).toBe(false);
    expect(click({ now: at(1_500) })).toBe(false);
    expect(click({ now: at(999) })).toBe(true);
    expect(click({ method: 'HEAD' })).toBe(true);
    expect(click({ userAgent: 'python-requests/2.31' })).toBe(true);
    expect(click({ userAgent: 'Mozilla/5.0' })).toBe(false);
  });
});
