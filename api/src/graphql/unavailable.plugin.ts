import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors.js';

/**
 * When formatError turned a database outage into UNAVAILABLE, the HTTP answer is 503 with Retry-After, so
 * clients and proxies that look only at the status back off too.
 */
export const unavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        if (!errors?.some((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      },
    };
  },
};
