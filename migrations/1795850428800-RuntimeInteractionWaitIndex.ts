import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runs waiting for an interaction, by key: waking one when its message's interaction arrives is an index probe.
 * Without it the planner reached waiting runs through the open-run key by workspace alone, and each delivered
 * message scanned every open run of the workspace (measured: a 200-message batch took 13–23 s with 10,000
 * waiting runs).
 */
export class RuntimeInteractionWaitIndex1795850428800 implements MigrationInterface {
  name = 'RuntimeInteractionWaitIndex1795850428800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "journey_runs_interaction_wait_idx" ON "journey_runs" ("workspace_id", "id") WHERE "status" = 'WAITING' AND "wait_kind" = 'INTERACTION'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."journey_runs_interaction_wait_idx"`);
  }
}
