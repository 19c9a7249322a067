import type { DataSource } from 'typeorm';
import type { AuthFailures } from './auth/auth-failures.js';
import type { Config } from './config.js';
import type { FlarePubSub } from './graphql/pubsub.js';
import type { IngestionPipeline } from './ingestion/ingestion.pipeline.js';
import type { ValidatorCache } from './ingestion/validator-cache.js';
import type { Clock } from './ops/clock.js';
import type { Logger } from './ops/logger.js';
import type { RateLimitSync } from './ops/rate-limit.sync.js';

/**
 * What every service is built from. Services import this type, never the composition root
 * (`services.ts`), so features do not import each other through it.
 */
export type ServiceDeps = {
  dataSource: DataSource;
  /** Event ingestion (group commit); also used by "send test event". */
  pipeline: IngestionPipeline;
  clock: Clock;
  pubsub: FlarePubSub;
  logger: Logger;
  config: Config;
  /** Makes rate limiters whose counts hold across processes. */
  rateLimits: RateLimitSync;
  /** Compiled trigger versions (event validation), shared by ingestion and the journey runtime. */
  validators: ValidatorCache;
  /** Seals provider secrets and signs tracking links (FLARE_SECRET_KEY, or generated into the data directory). */
  secretKey: Buffer;
  /** Failed authentications per client address (sign-in counts bad passwords here). */
  authFailures: AuthFailures;
};
