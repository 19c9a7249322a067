import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counts shared by every API process (api/src/ops/rate-limit.sync.ts): hits per key and fixed
 * window. UNLOGGED: written every few hundred milliseconds, worthless after a crash, so no WAL. Not an entity:
 * only the exchange's plain SQL touches it.
 */
export class RateLimitCounters1795839907184 implements MigrationInterface {
  name = 'RateLimitCounters1795839907184';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" ("key" text NOT NULL, "window_start" bigint NOT NULL, "hits" bigint NOT NULL, "expires_at" bigint NOT NULL, CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key", "window_start"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
  }
}
