import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Customers1795842915273 implements MigrationInterface {
  name = 'Customers1795842915273';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "customers" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "auth_id" text NOT NULL, "email" text, "phone" text, "first_name" text, "last_name" text, "locale" text, "time_zone" text, "address_line1" text, "address_line2" text, "city" text, "postal_code" text, "region" text, "country" text, "fields" jsonb NOT NULL, "source" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "erased_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "customers_auth_id_key" UNIQUE ("workspace_id", "kind", "auth_id"), CONSTRAINT "PK_a96c67e155237b7ade7dc1aa441" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "customers_created_idx" ON "customers" ("workspace_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "customer_fields" ("workspace_id" uuid NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "label" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_dd33c3676d33806b18189f86665" PRIMARY KEY ("workspace_id", "name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "customer_consents" ("workspace_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "channel" text NOT NULL, "purpose" text NOT NULL, "status" text NOT NULL, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "source" text NOT NULL, "contact_point" text, CONSTRAINT "PK_9a4daac355665094e4e7d6deb87" PRIMARY KEY ("workspace_id", "customer_id", "channel", "purpose"))',
    );
    await queryRunner.query(
      'CREATE TABLE "consent_changes" ("workspace_id" uuid NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "channel" text NOT NULL, "purpose" text NOT NULL, "status" text NOT NULL, "source" text NOT NULL, "contact_point" text, "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a5b308f8577883b1476cad8f386" PRIMARY KEY ("workspace_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "consent_changes_customer_idx" ON "consent_changes" ("workspace_id", "customer_id", "changed_at") ');
    await queryRunner.query(
      'CREATE TABLE "consent_policies" ("workspace_id" uuid NOT NULL, "channel" text NOT NULL, "model" text NOT NULL, CONSTRAINT "PK_4bf028933e10749de0b90fcc3a8" PRIMARY KEY ("workspace_id", "channel"))',
    );
    await queryRunner.query(
      'CREATE TABLE "customer_devices" ("workspace_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "app" text NOT NULL, "token" text NOT NULL, "platform" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f424fbef90a2ef8bced504786e1" PRIMARY KEY ("workspace_id", "customer_id", "app", "token"))',
    );
    await queryRunner.query(
      'ALTER TABLE "customers" ADD CONSTRAINT "FK_c6c383005287fc8902afa104434" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "customer_consents" ADD CONSTRAINT "FK_2618d4a73a93f6b35ec94375add" FOREIGN KEY ("workspace_id", "customer_id") REFERENCES "customers"("workspace_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "consent_changes" ADD CONSTRAINT "FK_f5a646e0b47a9b3ff2e13efea1b" FOREIGN KEY ("workspace_id", "customer_id") REFERENCES "customers"("workspace_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "customer_devices" ADD CONSTRAINT "FK_6195d09d871eacb7851a7fd0513" FOREIGN KEY ("workspace_id", "customer_id") REFERENCES "customers"("workspace_id","id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "customer_devices" DROP CONSTRAINT "FK_6195d09d871eacb7851a7fd0513"');
    await queryRunner.query('ALTER TABLE "consent_changes" DROP CONSTRAINT "FK_f5a646e0b47a9b3ff2e13efea1b"');
    await queryRunner.query('ALTER TABLE "customer_consents" DROP CONSTRAINT "FK_2618d4a73a93f6b35ec94375add"');
    await queryRunner.query('ALTER TABLE "customers" DROP CONSTRAINT "FK_c6c383005287fc8902afa104434"');
    await queryRunner.query('DROP TABLE "customer_devices"');
    await queryRunner.query('DROP TABLE "consent_policies"');
    await queryRunner.query('DROP INDEX "public"."consent_changes_customer_idx"');
    await queryRunner.query('DROP TABLE "consent_changes"');
    await queryRunner.query('DROP TABLE "customer_consents"');
    await queryRunner.query('DROP TABLE "customer_fields"');
    await queryRunner.query('DROP INDEX "public"."customers_created_idx"');
    await queryRunner.query('DROP TABLE "customers"');
  }
}
