import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The workspace's log of refused ingestion requests (api/src/ingestion/refused-request.entity.ts), bounded by RefusalLog. */
export class RefusedRequests1795900000000 implements MigrationInterface {
  name = 'RefusedRequests1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "refused_requests" ("id" BIGSERIAL NOT NULL, "workspace_id" uuid NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "endpoint" text NOT NULL, "reason" text NOT NULL, "message" text NOT NULL, "origin" text, "key_prefix" text, "trigger_key" text, "items" integer NOT NULL, CONSTRAINT "refused_requests_pkey" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "refused_requests_workspace_idx" ON "refused_requests" ("workspace_id", "received_at", "id") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "refused_requests_workspace_idx"');
    await queryRunner.query('DROP TABLE "refused_requests"');
  }
}
