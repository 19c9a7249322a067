import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Send-time policies: per workspace and channel a frequency cap (24 h / 7 d / 30 d) and quiet hours; the workspace's
 * time zone (quiet hours for customers without one); on each message a detail for its reason (cap window, hold);
 * and an index to count a recipient's recent messages when a cap is checked.
 */
export class SendPolicies1795850434000 implements MigrationInterface {
  name = 'SendPolicies1795850434000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "channel_policies" ("workspace_id" uuid NOT NULL, "channel" text NOT NULL, "cap_24h" integer, "cap_7d" integer, "cap_30d" integer, "quiet_start" text, "quiet_end" text, "quiet_days" text array NOT NULL DEFAULT '{}', "quiet_time_zone" text NOT NULL DEFAULT 'CUSTOMER', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_channel_policies" PRIMARY KEY ("workspace_id", "channel"))`,
    );
    await queryRunner.query(`ALTER TABLE "workspaces" ADD "time_zone" text NOT NULL DEFAULT 'UTC'`);
    await queryRunner.query(`ALTER TABLE "journey_messages" ADD "reason_detail" text`);
    await queryRunner.query(`CREATE INDEX "journey_messages_recipient_idx" ON "journey_messages" ("workspace_id", "channel", "recipient")`);
    await queryRunner.query(`CREATE INDEX "journey_messages_push_customer_idx" ON "journey_messages" ("workspace_id", "customer_id") WHERE "channel" = 'PUSH'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "journey_messages_push_customer_idx"`);
    await queryRunner.query(`DROP INDEX "journey_messages_recipient_idx"`);
    await queryRunner.query(`ALTER TABLE "journey_messages" DROP COLUMN "reason_detail"`);
    await queryRunner.query(`ALTER TABLE "workspaces" DROP COLUMN "time_zone"`);
    await queryRunner.query(`DROP TABLE "channel_policies"`);
  }
}
