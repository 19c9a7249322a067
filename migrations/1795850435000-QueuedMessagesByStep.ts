import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages still queued (held for quiet hours, waiting to retry), by journey and step: analytics counts them live. */
export class QueuedMessagesByStep1795850435000 implements MigrationInterface {
  name = 'QueuedMessagesByStep1795850435000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "journey_messages_queued_step_idx" ON "journey_messages" ("workspace_id", "journey_id", "step_id") WHERE "status" = 'QUEUED'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."journey_messages_queued_step_idx"`);
  }
}
