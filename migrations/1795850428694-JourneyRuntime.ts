import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JourneyRuntime1795850428694 implements MigrationInterface {
  name = 'JourneyRuntime1795850428694';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "journey_runs" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "journey_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "status" text NOT NULL, "step_id" text, "step_started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "wake_at" TIMESTAMP(3) WITH TIME ZONE, "timer_at" TIMESTAMP(3) WITH TIME ZONE, "wait_kind" text, "wait_trigger_id" uuid, "wait_step_id" text, "wait_matched" boolean NOT NULL DEFAULT false, "binding" text, "binding_type" text NOT NULL DEFAULT \'\', "binding_id" text NOT NULL DEFAULT \'\', "start_event_id" bigint, "trigger_version" integer NOT NULL, "attributes" jsonb NOT NULL, "contactpoint_email" text, "contactpoint_phone" text, "entered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP(3) WITH TIME ZONE, "end_reason" text, "error" text, "goal_reached_at" TIMESTAMP(3) WITH TIME ZONE, "lease_owner" text, "version" integer NOT NULL DEFAULT \'0\', "attempts" integer NOT NULL DEFAULT \'0\', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1b8ed714dbd1cfe4737e5fc3960" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "journey_runs_journey_idx" ON "journey_runs" ("workspace_id", "journey_id", "entered_at", "id") ');
    await queryRunner.query('CREATE INDEX "journey_runs_customer_idx" ON "journey_runs" ("workspace_id", "customer_id", "entered_at") ');
    await queryRunner.query(
      'CREATE INDEX "journey_runs_trigger_wait_idx" ON "journey_runs" ("workspace_id", "wait_trigger_id", "customer_id") WHERE "status" = \'WAITING\' AND "wait_kind" = \'TRIGGER\'',
    );
    await queryRunner.query('CREATE INDEX "journey_runs_due_idx" ON "journey_runs" ("wake_at") WHERE "status" IN (\'ACTIVE\', \'WAITING\')');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "journey_runs_open_key" ON "journey_runs" ("workspace_id", "journey_id", "customer_id", "binding_type", "binding_id") WHERE "status" IN (\'ACTIVE\', \'WAITING\')',
    );
    await queryRunner.query(
      'CREATE TABLE "journey_run_log" ("workspace_id" uuid NOT NULL, "id" BIGSERIAL NOT NULL, "run_id" uuid NOT NULL, "journey_id" uuid NOT NULL, "step_id" text, "kind" text NOT NULL, "detail" jsonb NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_350bc629438e4b49bfea8b2a2f4" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "journey_run_log_step_idx" ON "journey_run_log" ("workspace_id", "journey_id", "step_id", "kind") ');
    await queryRunner.query('CREATE INDEX "journey_run_log_run_idx" ON "journey_run_log" ("workspace_id", "run_id", "id") ');
    await queryRunner.query(
      'CREATE TABLE "journey_entries" ("workspace_id" uuid NOT NULL, "journey_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "first_entered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_entered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "next_allowed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "entries" integer NOT NULL, CONSTRAINT "PK_3fad11158f31a31658bce5075c2" PRIMARY KEY ("workspace_id", "journey_id", "customer_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "journey_entry_refusals" ("workspace_id" uuid NOT NULL, "id" BIGSERIAL NOT NULL, "journey_id" uuid NOT NULL, "event_id" bigint NOT NULL, "customer_id" uuid, "reason" text NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e169e5a5605ad995ad220b6f1ac" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "journey_entry_refusals_journey_idx" ON "journey_entry_refusals" ("workspace_id", "journey_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "journey_messages" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "journey_id" uuid NOT NULL, "run_id" uuid NOT NULL, "step_id" text NOT NULL, "customer_id" uuid NOT NULL, "channel" text NOT NULL, "content_id" uuid NOT NULL, "recipient" text, "sender_name" text, "subject" text, "html_body" text, "text_body" text, "body" text, "title" text, "link" text, "status" text NOT NULL, "reason" text, "interactions" text array NOT NULL DEFAULT \'{}\', "due_at" TIMESTAMP(3) WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "journey_messages_run_step_key" UNIQUE ("workspace_id", "run_id", "step_id"), CONSTRAINT "PK_94ee04528eb2f65bf99545db6b0" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "journey_messages_journey_idx" ON "journey_messages" ("workspace_id", "journey_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "journey_messages_due_idx" ON "journey_messages" ("due_at") WHERE "status" = \'QUEUED\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."journey_messages_due_idx"');
    await queryRunner.query('DROP INDEX "public"."journey_messages_journey_idx"');
    await queryRunner.query('DROP TABLE "journey_messages"');
    await queryRunner.query('DROP INDEX "public"."journey_entry_refusals_journey_idx"');
    await queryRunner.query('DROP TABLE "journey_entry_refusals"');
    await queryRunner.query('DROP TABLE "journey_entries"');
    await queryRunner.query('DROP INDEX "public"."journey_run_log_run_idx"');
    await queryRunner.query('DROP INDEX "public"."journey_run_log_step_idx"');
    await queryRunner.query('DROP TABLE "journey_run_log"');
    await queryRunner.query('DROP INDEX "public"."journey_runs_open_key"');
    await queryRunner.query('DROP INDEX "public"."journey_runs_due_idx"');
    await queryRunner.query('DROP INDEX "public"."journey_runs_trigger_wait_idx"');
    await queryRunner.query('DROP INDEX "public"."journey_runs_customer_idx"');
    await queryRunner.query('DROP INDEX "public"."journey_runs_journey_idx"');
    await queryRunner.query('DROP TABLE "journey_runs"');
  }
}
