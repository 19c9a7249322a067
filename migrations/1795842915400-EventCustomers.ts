import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events meet customers: each stored event records the customer it resolved to (found or created by `authId`
 * and the trigger version's identity, in the transaction that stores the event). No foreign key: the hot
 * path would pay a check per row. The timeline index
 * (a customer's events, newest first) covers only events that name a customer.
 */
export class EventCustomers1795842915400 implements MigrationInterface {
  name = 'EventCustomers1795842915400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "trigger_events" ADD "customer_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "trigger_events_customer_idx" ON "trigger_events" ("workspace_id", "customer_id", "received_at" DESC, "id" DESC) WHERE "customer_id" IS NOT NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "trigger_events_customer_idx"');
    await queryRunner.query('ALTER TABLE "trigger_events" DROP COLUMN "customer_id"');
  }
}
