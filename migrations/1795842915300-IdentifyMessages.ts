import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The messageIds `POST /v1/identify` has seen, per workspace, with the first outcome, so a retry is answered as
 * a duplicate and changes nothing. Kept 7 days: each request removes up to 1,000 of its workspace's expired rows
 * (api/src/customers/identify.writer.ts). Not an entity: only the identify route's plain SQL touches it.
 */
export class IdentifyMessages1795842915300 implements MigrationInterface {
  name = 'IdentifyMessages1795842915300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "identify_messages" ("workspace_id" uuid NOT NULL, "message_id" text NOT NULL, "accepted" boolean NOT NULL, "reasons" jsonb NOT NULL, "customer_id" uuid, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "identify_messages_pkey" PRIMARY KEY ("workspace_id", "message_id"), CONSTRAINT "identify_messages_workspace_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE)',
    );
    await queryRunner.query('CREATE INDEX "identify_messages_received_idx" ON "identify_messages" ("workspace_id", "received_at")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "identify_messages"');
  }
}
