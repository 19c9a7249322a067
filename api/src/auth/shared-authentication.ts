import type { Authenticator, Credentials } from './authenticate.js';
import type { Viewer } from './viewer.js';

type Flight = { running: Promise<Viewer | null>; next?: Promise<Viewer | null> };
const ignore = () => undefined;

/**
 * At most one lookup per set of credentials at a time: who asks while one runs waits for the next, which
 * starts when it ends and answers everyone who asked meanwhile. So a thousand dashboards on one session
 * connecting and subscribing at once (or re-checked together after a membership change) cost a few lookups,
 * not two thousand queued on the pool, and every caller still gets an answer read after it asked.
 */
export class SharedAuthentication {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly authenticator: Pick<Authenticator, 'authenticate'>) {}

  authenticate(credentials: Credentials): Promise<Viewer | null> {
    const { bearer, sessionToken, workspaceId, origin, clientAddress } = credentials;
    const key = JSON.stringify([bearer, sessionToken, workspaceId, origin, clientAddress]);
    const flight = this.flights.get(key);
    if (!flight) return this.start(key, credentials);
    flight.next ??= flight.running.then(ignore, ignore).then(() => this.start(key, credentials));
    return flight.next;
  }

  private start(key: string, credentials: Credentials): Promise<Viewer | null> {
    const flight: Flight = { running: this.authenticator.authenticate(credentials) };
    this.flights.set(key, flight);
    void flight.running.then(ignore, ignore).then(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    return flight.running;
  }
}
