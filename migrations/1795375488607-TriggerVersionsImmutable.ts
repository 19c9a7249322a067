import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Trigger versions are immutable: the database refuses UPDATE, DELETE and TRUNCATE on them. */
export class TriggerVersionsImmutable1795375488607 implements MigrationInterface {
  name = 'TriggerVersionsImmutable1795375488607';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION refuse_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(
      'CREATE TRIGGER trigger_versions_no_update_delete BEFORE UPDATE OR DELETE ON "trigger_versions" FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only()',
    );
    await queryRunner.query('CREATE TRIGGER trigger_versions_no_truncate BEFORE TRUNCATE ON "trigger_versions" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER trigger_versions_no_truncate ON "trigger_versions"');
    await queryRunner.query('DROP TRIGGER trigger_versions_no_update_delete ON "trigger_versions"');
    await queryRunner.query('DROP FUNCTION refuse_change_append_only()');
  }
}
