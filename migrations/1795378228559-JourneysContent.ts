import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JourneysContent1795378228559 implements MigrationInterface {
  name = 'JourneysContent1795378228559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "content_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "channel" text NOT NULL, "name" text NOT NULL, "state" text NOT NULL, "revision" integer NOT NULL, "subject" text, "sender_name" text, "html_body" text, "text_body" text, "body" text, "title" text, "link" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9c6bf4f28851752cee186915e39" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "content_items_workspace_idx" ON "content_items" ("workspace_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "journeys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "status" text NOT NULL, "revision" integer NOT NULL, "definition" jsonb NOT NULL, "duplicated_from_id" uuid, "published_at" TIMESTAMP(3) WITH TIME ZONE, "stopped_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_94b31b067846c92b6811046c81e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "journeys_workspace_idx" ON "journeys" ("workspace_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "content_items" ADD CONSTRAINT "FK_cf68e37c3918071c3c8ad26a039" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "journeys" ADD CONSTRAINT "FK_9fbfbfdd71488331a0e9e16bbb7" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "journeys" DROP CONSTRAINT "FK_9fbfbfdd71488331a0e9e16bbb7"');
    await queryRunner.query('ALTER TABLE "content_items" DROP CONSTRAINT "FK_cf68e37c3918071c3c8ad26a039"');
    await queryRunner.query('DROP INDEX "public"."journeys_workspace_idx"');
    await queryRunner.query('DROP TABLE "journeys"');
    await queryRunner.query('DROP INDEX "public"."content_items_workspace_idx"');
    await queryRunner.query('DROP TABLE "content_items"');
  }
}
