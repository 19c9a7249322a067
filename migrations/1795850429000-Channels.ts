import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels: who delivers each channel's messages per workspace (no row: the built-in Flare inbox), provider
 * secrets sealed; what the Flare inbox received; and on each journey message, who delivered it and under which id.
 */
export class Channels1795850429000 implements MigrationInterface {
  name = 'Channels1795850429000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "channel_settings" ("workspace_id" uuid NOT NULL, "channel" text NOT NULL, "provider" text NOT NULL, "settings" jsonb NOT NULL, "secret" text, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_channel_settings" PRIMARY KEY ("workspace_id", "channel"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "inbox_messages" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid, "channel" text NOT NULL, "recipient" text NOT NULL, "from_name" text, "subject" text, "html_body" text, "text_body" text, "body" text, "title" text, "link" text, "headers" jsonb NOT NULL, "test" boolean NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_inbox_messages" PRIMARY KEY ("workspace_id", "id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "inbox_messages_message_key" ON "inbox_messages" ("workspace_id", "message_id") WHERE "message_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "inbox_messages_received_idx" ON "inbox_messages" ("workspace_id", "received_at", "id")`);
    await queryRunner.query(`ALTER TABLE "journey_messages" ADD "provider" text`);
    await queryRunner.query(`ALTER TABLE "journey_messages" ADD "provider_message_id" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "journey_messages" DROP COLUMN "provider_message_id"`);
    await queryRunner.query(`ALTER TABLE "journey_messages" DROP COLUMN "provider"`);
    await queryRunner.query(`DROP TABLE "inbox_messages"`);
    await queryRunner.query(`DROP TABLE "channel_settings"`);
  }
}
