import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prefix search on customers (email, phone, authId, first and last name) with btree `text_pattern_ops`
 * indexes, each led by workspace_id; and the consent history as an append-only log that only erasure
 * (a transaction that sets `flare.erasing`) may rewrite.
 */
export class CustomerSearch1795842915274 implements MigrationInterface {
  name = 'CustomerSearch1795842915274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "customers_email_prefix_idx" ON "customers" ("workspace_id", "email" text_pattern_ops)');
    await queryRunner.query('CREATE INDEX "customers_phone_prefix_idx" ON "customers" ("workspace_id", "phone" text_pattern_ops)');
    await queryRunner.query('CREATE INDEX "customers_auth_id_prefix_idx" ON "customers" ("workspace_id", "auth_id" text_pattern_ops)');
    await queryRunner.query('CREATE INDEX "customers_first_name_prefix_idx" ON "customers" ("workspace_id", lower("first_name") text_pattern_ops)');
    await queryRunner.query('CREATE INDEX "customers_last_name_prefix_idx" ON "customers" ("workspace_id", lower("last_name") text_pattern_ops)');
    await queryRunner.query(`CREATE FUNCTION refuse_change_unless_erasing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('flare.erasing', true), '') = 'on' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query('CREATE TRIGGER consent_changes_append_only BEFORE UPDATE OR DELETE ON "consent_changes" FOR EACH ROW EXECUTE FUNCTION refuse_change_unless_erasing()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER consent_changes_append_only ON "consent_changes"');
    await queryRunner.query('DROP FUNCTION refuse_change_unless_erasing()');
    for (const index of ['email', 'phone', 'auth_id', 'first_name', 'last_name']) await queryRunner.query(`DROP INDEX "customers_${index}_prefix_idx"`);
  }
}
