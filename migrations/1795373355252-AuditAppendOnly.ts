import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on it. */
export class AuditAppendOnly1795373355252 implements MigrationInterface {
  name = 'AuditAppendOnly1795373355252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query('CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()');
    await queryRunner.query('CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_entries_no_truncate ON "audit_entries"');
    await queryRunner.query('DROP TRIGGER audit_entries_no_update_delete ON "audit_entries"');
    await queryRunner.query('DROP FUNCTION audit_entries_append_only()');
  }
}
