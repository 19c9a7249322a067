import type { AuditService } from '../audit/audit.service.js';
import { generatePrefixedSecret } from '../auth/prefixed-secret.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact, type Tx } from '../db/transaction.js';
import { assertId, badInput, conflict, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { IngestionKey } from './ingestion-key.entity.js';
import { keyState, normaliseOrigin, originProblems, overlapProblem } from './ingestion-key.rules.js';

export class IngestionKeyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  list(viewer: Viewer, includeRetired: boolean): Promise<IngestionKey[]> {
    const qb = this.deps.dataSource
      .getRepository(IngestionKey)
      .createQueryBuilder('k')
      .where('k.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (!includeRetired) qb.andWhere('k.revokedAt IS NULL AND (k.expiresAt IS NULL OR k.expiresAt > :now)', { now: this.deps.clock.now() });
    return qb.orderBy('k.createdAt', 'DESC').addOrderBy('k.id', 'DESC').getMany();
  }

  async get(viewer: Viewer, id: string): Promise<IngestionKey> {
    assertId('Ingestion key', id);
    const key = await this.deps.dataSource.getRepository(IngestionKey).findOneBy({ id, workspaceId: workspaceOf(viewer) });
    if (!key) throw notFound('Ingestion key', id);
    return key;
  }

  async create(viewer: Viewer, input: { label: string; allowedOrigins: string[] }) {
    const workspaceId = workspaceOf(viewer);
    const label = input.label.trim();
    if (!label || label.length > 100) throw badInput('Give the key a label of 1–100 characters.', { field: 'label', reason: 'INVALID_LABEL' });
    const origins = this.origins(input.allowedOrigins);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const { key, secret } = await this.insert(tx, workspaceId, label, origins, null);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'ingestionKey.create',
        targetType: 'IngestionKey',
        targetId: key.id,
        details: { label, prefix: key.prefix, allowedOrigins: origins },
      });
      return { ingestionKey: key, secret, replaced: null };
    });
  }

  /** A new key with the same label and origins; the old one expires after the overlap. */
  async rotate(viewer: Viewer, input: { id: string; overlapHours: number }) {
    const workspaceId = workspaceOf(viewer);
    const problem = overlapProblem(input.overlapHours);
    if (problem) throw badInput(problem, { field: 'overlapHours', reason: 'INVALID_OVERLAP' });
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const old = await this.lock(tx, workspaceId, input.id);
      if (keyState(old, this.deps.clock.now()) !== 'ACTIVE') throw conflict('Only an active key can be rotated.', { reason: 'KEY_NOT_ACTIVE' });
      old.expiresAt = new Date(this.deps.clock.now().getTime() + input.overlapHours * 3_600_000);
      await tx.manager.getRepository(IngestionKey).save(old);
      const { key, secret } = await this.insert(tx, workspaceId, old.label, old.allowedOrigins, old.id);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'ingestionKey.rotate',
        targetType: 'IngestionKey',
        targetId: key.id,
        details: { replaced: old.prefix, prefix: key.prefix, overlapHours: input.overlapHours },
      });
      return { ingestionKey: key, secret, replaced: old };
    });
  }

  async revoke(viewer: Viewer, input: { id: string }): Promise<IngestionKey> {
    const workspaceId = workspaceOf(viewer);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const key = await this.lock(tx, workspaceId, input.id);
      if (key.revokedAt) return key;
      key.revokedAt = this.deps.clock.now();
      await tx.manager.getRepository(IngestionKey).save(key);
      await this.audit.append(tx, viewer, { workspaceId, action: 'ingestionKey.revoke', targetType: 'IngestionKey', targetId: key.id, details: { prefix: key.prefix } });
      return key;
    });
  }

  async updateOrigins(viewer: Viewer, input: { id: string; allowedOrigins: string[] }): Promise<IngestionKey> {
    const workspaceId = workspaceOf(viewer);
    const origins = this.origins(input.allowedOrigins);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const key = await this.lock(tx, workspaceId, input.id);
      const before = key.allowedOrigins;
      key.allowedOrigins = origins;
      await tx.manager.getRepository(IngestionKey).save(key);
      await this.audit.append(tx, viewer, { workspaceId, action: 'ingestionKey.origins', targetType: 'IngestionKey', targetId: key.id, details: { from: before, to: origins } });
      return key;
    });
  }

  private origins(given: string[]): string[] {
    const problems = originProblems(given);
    if (problems.length > 0) throw badInput(problems[0], { field: 'allowedOrigins', reason: 'INVALID_ORIGIN', problems });
    return [...new Set(given.map((o) => normaliseOrigin(o)!))];
  }

  private async lock(tx: Tx, workspaceId: string, id: string): Promise<IngestionKey> {
    assertId('Ingestion key', id);
    const key = await tx.manager
      .getRepository(IngestionKey)
      .createQueryBuilder('k')
      .setLock('pessimistic_write')
      .where('k.id = :id AND k.workspaceId = :workspaceId', { id, workspaceId })
      .getOne();
    if (!key) throw notFound('Ingestion key', id);
    return key;
  }

  private async insert(tx: Tx, workspaceId: string, label: string, allowedOrigins: string[], rotatedFromId: string | null) {
    const { prefix, secret, secretHash } = generatePrefixedSecret('fik');
    const repo = tx.manager.getRepository(IngestionKey);
    const key = await repo.save(
      repo.create({ workspaceId, label, prefix, secretHash, allowedOrigins, rotatedFromId, expiresAt: null, revokedAt: null, lastUsedAt: null, createdAt: this.deps.clock.now() }),
    );
    return { key, secret };
  }
}
