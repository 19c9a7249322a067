import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Verification counters per trigger version, kept by the ingestion hot path. */
@Entity({ name: 'trigger_stats' })
export class TriggerStats {
  @PrimaryColumn({ type: 'uuid' })
  triggerId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'bigint', default: 0 })
  validCount!: string;

  @Column({ type: 'bigint', default: 0 })
  invalidCount!: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstEventAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastEventAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstValidAt!: Date | null;

  /** The latest rejections (newest first, at most 10): reasons and when. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  lastRejections!: { at: string; reasons: { code: string; field: string | null; message: string }[] }[];
}
