import { describe, expect, it } from 'vitest';
import { htmlLinks, isSafeHref, textLinks, withLinksInNewTab } from './messageParts';

describe('messageParts', () => {
  it('makes links open a new tab, keeping a doctype first', () => {
    expect(withLinksInNewTab('<html><head lang="en"></head></html>')).toBe('<html><head lang="en"><base target="_blank"></head></html>');
    expect(withLinksInNewTab('<!DOCTYPE html><p>x</p>')).toBe('<!DOCTYPE html><base target="_blank"><p>x</p>');
    expect(withLinksInNewTab('<p>x</p>')).toBe('<base target="_blank"><p>x</p>');
  });

  it('finds links once each, skipping anchors, and marks which are safe to open', () => {
    expect(htmlLinks('<a href="https://a.example/1"> One\n link </a><a href="#top">Top</a><a href="https://a.example/1">Again</a><a href="data:text/html,x">D</a>')).toEqual([
      { href: 'https://a.example/1', text: 'One link', safe: true },
      { href: 'data:text/html,x', text: 'D', safe: false },
    ]);
    expect(textLinks('See https://a.example/x.', null, 'and https://a.example/x')).toEqual([{ href: 'https://a.example/x', text: '', safe: true }]);
    expect(['mailto:a@b.c', 'tel:+1', 'javascript:void(0)', 'nonsense'].map(isSafeHref)).toEqual([true, true, false, false]);
  });
});
