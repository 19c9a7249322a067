import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Ingestion1795376627800 implements MigrationInterface {
  name = 'Ingestion1795376627800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ingestion_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "label" text NOT NULL, "prefix" text NOT NULL, "secret_hash" text NOT NULL, "allowed_origins" text array NOT NULL, "rotated_from_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "last_used_at" TIMESTAMP(3) WITH TIME ZONE, "accepted_count" bigint NOT NULL DEFAULT \'0\', "rejected_count" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_404a53197fa9cf35e27df5e8f72" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ingestion_keys_workspace_idx" ON "ingestion_keys" ("workspace_id", "created_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ingestion_keys_prefix_key" ON "ingestion_keys" ("prefix") ');
    await queryRunner.query(
      'CREATE TABLE "trigger_events" ("id" BIGSERIAL NOT NULL, "workspace_id" uuid NOT NULL, "trigger_id" uuid, "trigger_key" text NOT NULL, "trigger_version" integer, "ingestion_key_id" uuid, "message_id" text, "auth_id" text, "contactpoint_email" text, "contactpoint_phone" text, "payload" jsonb NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "accepted" boolean NOT NULL, "reasons" jsonb NOT NULL, "test" boolean NOT NULL, CONSTRAINT "PK_79b99021ec2ba03ea07050a924f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "trigger_events_workspace_idx" ON "trigger_events" ("workspace_id", "received_at") ');
    await queryRunner.query('CREATE INDEX "trigger_events_trigger_idx" ON "trigger_events" ("trigger_id", "received_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "trigger_events_message_key" ON "trigger_events" ("workspace_id", "message_id") WHERE "message_id" IS NOT NULL');
    await queryRunner.query(
      'CREATE TABLE "trigger_stats" ("trigger_id" uuid NOT NULL, "version" integer NOT NULL, "workspace_id" uuid NOT NULL, "valid_count" bigint NOT NULL DEFAULT \'0\', "invalid_count" bigint NOT NULL DEFAULT \'0\', "first_event_at" TIMESTAMP(3) WITH TIME ZONE, "last_event_at" TIMESTAMP(3) WITH TIME ZONE, "first_valid_at" TIMESTAMP(3) WITH TIME ZONE, "last_rejections" jsonb NOT NULL DEFAULT \'[]\', CONSTRAINT "PK_27a2f310dc3b236407180f56991" PRIMARY KEY ("trigger_id", "version"))',
    );
    await queryRunner.query('ALTER TABLE "triggers" ADD "ready_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "ingestion_keys" ADD CONSTRAINT "FK_e96b8a42f1bf68f44f6919d30e5" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "ingestion_keys" DROP CONSTRAINT "FK_e96b8a42f1bf68f44f6919d30e5"');
    await queryRunner.query('ALTER TABLE "triggers" DROP COLUMN "ready_at"');
    await queryRunner.query('DROP TABLE "trigger_stats"');
    await queryRunner.query('DROP INDEX "public"."trigger_events_message_key"');
    await queryRunner.query('DROP INDEX "public"."trigger_events_trigger_idx"');
    await queryRunner.query('DROP INDEX "public"."trigger_events_workspace_idx"');
    await queryRunner.query('DROP TABLE "trigger_events"');
    await queryRunner.query('DROP INDEX "public"."ingestion_keys_prefix_key"');
    await queryRunner.query('DROP INDEX "public"."ingestion_keys_workspace_idx"');
    await queryRunner.query('DROP TABLE "ingestion_keys"');
  }
}
