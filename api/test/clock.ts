import type { Clock } from '../src/ops/clock.js';

/** A clock tests move by hand. Starts at the real time so database defaults stay comparable. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | number = Date.now()) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: Date | number): void {
    this.current = new Date(at).getTime();
  }
}
