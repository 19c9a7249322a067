import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

// jsdom lacks ResizeObserver, which Fluent's positioning uses; a no-op stand-in for the browser API.
class ResizeObserverStandIn {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStandIn as unknown as typeof ResizeObserver;

// jsdom does no layout: `offsetParent` is always null and <body> measures 0 × 0, so Fluent's focus manager (tabster)
// takes every element for invisible. An opened dialog could then not focus its first button, its modal scope never
// became active, and 250 ms later tabster hid the open dialog itself with aria-hidden (tests slower than that under
// load failed). As in a browser: the body has a size, and `offsetParent` is null when detached, for <body>, and
// inside a `hidden` or `display: none` element; otherwise the parent.
HTMLBodyElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 1024, 768);
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (!this.isConnected || this === this.ownerDocument.body) return null;
    const hidden = (el: HTMLElement) => el.hidden || el.style.display === 'none';
    if (hidden(this)) return null;
    for (let el = this.parentElement; el; el = el.parentElement) if (hidden(el)) return null;
    return this.parentElement;
  },
});
