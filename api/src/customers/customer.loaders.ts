import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { CustomerDevice } from './customer-device.entity.js';
import type { Customer } from './customer.entity.js';
import type { CustomerConsentState } from './customer.inputs.js';
import type { CustomerService } from './customer.service.js';

/** Batches for customer field resolvers: a page of N customers costs one query per relation. Rows of one request share a workspace. */
export function createCustomerLoaders(deps: { dataSource: DataSource; customers: Pick<CustomerService, 'consentStates'> }) {
  return {
    consentsByCustomer: new DataLoader<Customer, CustomerConsentState[], string>(
      (rows) =>
        deps.customers.consentStates(
          rows[0].workspaceId,
          rows.map((r) => r.id),
        ),
      {
        cacheKeyFn: (row) => row.id,
      },
    ),
    devicesByCustomer: new DataLoader<Customer, CustomerDevice[], string>(
      async (rows) => {
        const devices = await deps.dataSource
          .getRepository(CustomerDevice)
          .createQueryBuilder('d')
          .where('d.workspaceId = :ws AND d.customerId IN (:...ids)', { ws: rows[0].workspaceId, ids: rows.map((r) => r.id) })
          .orderBy('d.lastSeenAt', 'DESC')
          .getMany();
        return rows.map((r) => devices.filter((d) => d.customerId === r.id));
      },
      { cacheKeyFn: (row) => row.id },
    ),
  };
}
