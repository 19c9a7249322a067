import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { Trigger } from './trigger.entity.js';
import { TriggerVersion } from './trigger-version.entity.js';
import type { TriggerVerification } from '../verification/verification.objects.js';
import type { VerificationService } from '../verification/verification.service.js';

/** Batches for trigger field resolvers: a page of N triggers costs one query per relation, not N. */
export function createTriggerLoaders(services: { dataSource: DataSource; verification: Pick<VerificationService, 'verificationOf'> }) {
  const versions = () => services.dataSource.getRepository(TriggerVersion);
  return {
    triggerById: new DataLoader<string, Trigger | null>(async (ids) => {
      const rows = await services.dataSource.getRepository(Trigger).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    /** Key `${triggerId}:${number}`. */
    versionByNumber: new DataLoader<string, TriggerVersion | null>(async (keys) => {
      const pairs = keys.map((k) => k.split(':'));
      const rows: TriggerVersion[] = await versions()
        .createQueryBuilder('v')
        .where('(v.triggerId, v.number) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:numbers AS int[])))', {
          ids: pairs.map((p) => p[0]),
          numbers: pairs.map((p) => Number(p[1])),
        })
        .getMany();
      return keys.map((k) => rows.find((r) => `${r.triggerId}:${r.number}` === k) ?? null);
    }),
    verificationByTrigger: new DataLoader<Trigger, TriggerVerification, string>((triggers) => services.verification.verificationOf([...triggers]), { cacheKeyFn: (t) => t.id }),
    versionsByTrigger: new DataLoader<string, TriggerVersion[]>(async (ids) => {
      const rows = await versions().find({ where: { triggerId: In([...ids]) }, order: { number: 'DESC' } });
      return ids.map((id) => rows.filter((r) => r.triggerId === id));
    }),
  };
}
