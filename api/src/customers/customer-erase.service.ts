import type { AuditService } from '../audit/audit.service.js';
import { workspaceOf, type Viewer } from '../auth/viewer.js';
import { transact } from '../db/transaction.js';
import { assertId, badInput, conflict, notFound } from '../graphql/errors.js';
import type { ServiceDeps } from '../service-deps.js';
import { erasedAuthId, erasureRefusal, personalValues } from './customer-erase.rules.js';
import { Customer } from './customer.entity.js';
import { BUILT_IN_ERASERS, recordEraser, type CustomerEraser, type ErasedCustomer } from './customer.erasers.js';
import type { EraseCustomerInput, EraseCustomerPayload } from './customer.inputs.js';

/**
 * Right to be forgotten: in one transaction, every eraser removes or anonymises what names the customer, the
 * record keeps only what aggregate counts need, and the audit log gets an entry without personal data.
 */
export class CustomerErasureService {
  private readonly erasers: CustomerEraser[];

  /** `extra` erasers (journey runs, sent messages…) run after the built-in ones and before the record is cleared. */
  constructor(
    private readonly deps: ServiceDeps,
    private readonly audit: AuditService,
    extra: CustomerEraser[] = [],
  ) {
    this.erasers = [...BUILT_IN_ERASERS, ...extra, recordEraser];
  }

  async erase(viewer: Viewer, input: EraseCustomerInput): Promise<EraseCustomerPayload> {
    const workspaceId = workspaceOf(viewer);
    assertId('Customer', input.id);
    return transact(this.deps.dataSource, this.deps.logger, async (tx) => {
      const customer = await tx.manager.getRepository(Customer).findOne({ where: { workspaceId, id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', input.id);
      const refusal = erasureRefusal(customer, input.confirmAuthId);
      switch (refusal?.code) {
        case undefined:
          break;
        case 'ALREADY_ERASED':
          throw conflict('This customer has already been erased.', { reason: 'ALREADY_ERASED' });
        case 'CONFIRMATION_MISMATCH':
          throw badInput('Type the customer’s authId exactly to confirm erasure.', { reason: 'CONFIRMATION_MISMATCH', field: 'confirmAuthId' });
      }
      const erased: ErasedCustomer = {
        workspaceId,
        id: customer.id,
        kind: customer.kind,
        authId: customer.authId,
        email: customer.email,
        phone: customer.phone,
        erasedAuthId: erasedAuthId(customer.id),
        personal: personalValues(customer),
        now: this.deps.clock.now(),
      };
      const touched: Record<string, number> = {};
      for (const eraser of this.erasers) touched[eraser.name] = await eraser.erase(tx, erased);
      // The target id is the customer's own id; the details hold counts only, never the authId or a contact point.
      await this.audit.append(tx, viewer, { workspaceId, action: 'customer.erase', targetType: 'Customer', targetId: customer.id, details: { kind: customer.kind, touched } });
      return { id: customer.id };
    });
  }
}
