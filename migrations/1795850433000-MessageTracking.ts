import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open and click tracking: each sent message keeps the links its tracking URLs stand for (by index; null when
 * sent untracked), and tracking tokens name a message by id alone, so messages are found by id.
 */
export class MessageTracking1795850433000 implements MigrationInterface {
  name = 'MessageTracking1795850433000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "journey_messages" ADD "links" text array`);
    await queryRunner.query(`CREATE INDEX "journey_messages_id_idx" ON "journey_messages" ("id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."journey_messages_id_idx"`);
    await queryRunner.query(`ALTER TABLE "journey_messages" DROP COLUMN "links"`);
  }
}
