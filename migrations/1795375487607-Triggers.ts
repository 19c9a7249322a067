import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Triggers1795375487607 implements MigrationInterface {
  name = 'Triggers1795375487607';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "triggers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "title_normalized" text NOT NULL, "category" text NOT NULL, "status" text NOT NULL, "latest_version" integer NOT NULL, "hidden_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c32a7768b269f07efe1fdca3216" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "triggers_workspace_sort_idx" ON "triggers" ("workspace_id", "title_normalized", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "triggers_visible_title_key" ON "triggers" ("workspace_id", "title_normalized") WHERE "hidden_at" IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "triggers_workspace_key_key" ON "triggers" ("workspace_id", "key") ');
    await queryRunner.query(
      'CREATE TABLE "trigger_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "trigger_id" uuid NOT NULL, "workspace_id" uuid NOT NULL, "number" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "category" text NOT NULL, "identity" text NOT NULL, "source" text NOT NULL, "attributes" jsonb NOT NULL, "allowed_operations" jsonb NOT NULL, "changes" jsonb NOT NULL, "breaking" boolean NOT NULL, "author_type" text NOT NULL, "author_id" uuid, "author_label" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bbee2942b43b6875b768c46a10c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "trigger_versions_trigger_number_key" ON "trigger_versions" ("trigger_id", "number") ');
    await queryRunner.query(
      'ALTER TABLE "triggers" ADD CONSTRAINT "FK_b2fcd85d7131845cf263b643040" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "trigger_versions" ADD CONSTRAINT "FK_93dc912929af9fabafe152e8b21" FOREIGN KEY ("trigger_id") REFERENCES "triggers"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "trigger_versions" DROP CONSTRAINT "FK_93dc912929af9fabafe152e8b21"');
    await queryRunner.query('ALTER TABLE "triggers" DROP CONSTRAINT "FK_b2fcd85d7131845cf263b643040"');
    await queryRunner.query('DROP INDEX "public"."trigger_versions_trigger_number_key"');
    await queryRunner.query('DROP TABLE "trigger_versions"');
    await queryRunner.query('DROP INDEX "public"."triggers_workspace_key_key"');
    await queryRunner.query('DROP INDEX "public"."triggers_visible_title_key"');
    await queryRunner.query('DROP INDEX "public"."triggers_workspace_sort_idx"');
    await queryRunner.query('DROP TABLE "triggers"');
  }
}
