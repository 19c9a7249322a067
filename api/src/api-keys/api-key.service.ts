import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { paginate, type PageArgs } from '../graphql/connection.js';
import { assertId, badInput, notFound } from '../graphql/errors.js';
import { Topic } from '../graphql/pubsub.js';
import type { ServiceDeps } from '../service-deps.js';
import type { ApiKeyScope } from '../auth/permissions.js';
import { ApiKey } from './api-key.entity.js';
import { apiKeyInputProblems } from './api-key.rules.js';
import { generatePrefixedSecret } from '../auth/prefixed-secret.js';

export class ApiKeyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
  ) {}

  list(viewer: Viewer, page: PageArgs, includeRevoked: boolean) {
    const qb = this.deps.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('key')
      .where('key.workspaceId = :ws', { ws: workspaceOf(viewer) });
    if (!includeRevoked) qb.andWhere('key.revokedAt IS NULL');
    return paginate(qb, page, 'DESC');
  }

  async create(viewer: Viewer, input: { label: string; scopes: ApiKeyScope[] }): Promise<{ apiKey: ApiKey; secret: string }> {
    const workspaceId = workspaceOf(viewer);
    const [problem] = apiKeyInputProblems(input);
    if (problem) throw badInput(problem.message, { field: problem.field, reason: 'INVALID_API_KEY' });
    const { prefix, secret, secretHash } = generatePrefixedSecret('flr');
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ApiKey);
      const apiKey = await repo.save(
        repo.create({
          workspaceId,
          label: input.label.trim(),
          prefix,
          secretHash,
          scopes: [...new Set(input.scopes)],
          createdByUserId: viewer.kind === 'USER' ? viewer.userId : null,
          lastUsedAt: null,
          revokedAt: null,
        }),
      );
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'apiKey.create',
        targetType: 'ApiKey',
        targetId: apiKey.id,
        details: { label: apiKey.label, prefix, scopes: apiKey.scopes },
      });
      return { apiKey, secret };
    });
  }

  /** Idempotent: revoking a revoked key returns it unchanged. Open WebSockets using it are closed after commit. */
  async revoke(viewer: Viewer, input: { id: string }): Promise<ApiKey> {
    const workspaceId = workspaceOf(viewer);
    assertId('API key', input.id);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const repo = tx.manager.getRepository(ApiKey);
      const apiKey = await repo
        .createQueryBuilder('key')
        .setLock('pessimistic_write')
        .where('key.id = :id AND key.workspaceId = :workspaceId', { id: input.id, workspaceId })
        .getOne();
      if (!apiKey) throw notFound('API key', input.id);
      if (apiKey.revokedAt) return apiKey;
      apiKey.revokedAt = this.deps.clock.now();
      await repo.save(apiKey);
      await this.audit.append(tx, viewer, {
        workspaceId,
        action: 'apiKey.revoke',
        targetType: 'ApiKey',
        targetId: apiKey.id,
        details: { label: apiKey.label, prefix: apiKey.prefix },
      });
      tx.afterCommit(() => this.deps.pubsub.publish(Topic.CREDENTIAL_REVOKED, { credentialId: `key:${apiKey.id}` }));
      return apiKey;
    });
  }
}
