import { randomToken } from '../auth/secrets.js';
import { transact } from '../db/transaction.js';
import type { Services } from '../services.js';
import { permissionsForRole, Role } from '../auth/permissions.js';
import type { Viewer } from '../auth/viewer.js';
import { ContentChannel } from '../content/content.types.js';
import { RepeatPolicy, SendTo, StepType } from '../journeys/journey.types.js';
import { AttributeType, CustomerIdentity, TriggerCategory } from '../triggers/trigger.types.js';

export type SeedResult = { created: false } | { created: true; email: string; password: string; workspaceName: string };
type CreateTriggerInput = Parameters<Services['triggers']['create']>[1];

/**
 * First start only (no users yet): an admin login and a demo workspace. Later starts change nothing.
 * The advisory lock keeps two processes starting together from both seeding.
 */
export async function seedDemo(services: Services): Promise<SeedResult> {
  const { config, dataSource, logger } = services;
  const seeded = await transact(dataSource, logger, async (tx) => {
    await tx.manager.query('SELECT pg_advisory_xact_lock(7243001)');
    const [{ count }] = await tx.manager.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return { created: false as const };
    const password = config.adminPassword ?? randomToken(12);
    const admin = await services.accounts.createUser({ email: config.adminEmail, name: 'Demo Admin', password }, tx.manager);
    const workspaceName = 'Demo Workspace';
    const { workspace } = await services.workspaces.insertWorkspace(tx, workspaceName, admin.id);
    await services.audit.append(tx, null, {
      workspaceId: workspace.id,
      action: 'workspace.seed',
      targetType: 'Workspace',
      targetId: workspace.id,
      details: { admin: admin.email },
    });
    return { created: true as const, email: admin.email, password, workspaceName, adminId: admin.id, workspaceId: workspace.id };
  });
  if (!seeded.created) return seeded;
  const asAdmin: Viewer = {
    kind: 'USER',
    userId: seeded.adminId,
    email: seeded.email,
    sessionId: '',
    workspaceId: seeded.workspaceId,
    role: Role.ADMIN,
    permissions: permissionsForRole(Role.ADMIN),
  };
  const triggers = [];
  for (const input of DEMO_TRIGGERS) triggers.push(await services.triggers.create(asAdmin, input));
  await seedDemoJourney(services, asAdmin, triggers.find((t) => t.title === 'Wi-Fi sign-up')!.id);
  return { created: true, email: seeded.email, password: seeded.password, workspaceName: seeded.workspaceName };
}

/**
 * A draft journey to explore: a welcome text on Wi-Fi sign-up. Its content is ready; the journey becomes
 * publishable once the trigger has received its first event (the builder's Check says so).
 */
async function seedDemoJourney(services: Services, asAdmin: Viewer, wifiTriggerId: string) {
  const welcome = await services.content.create(asAdmin, {
    channel: ContentChannel.TEXT,
    name: 'Wi-Fi welcome',
    body: 'Welcome to our {{ trigger.location }} store! Show this text at the till for 10% off today.',
  });
  await services.content.markReady(asAdmin, welcome.id);
  await services.journeys.create(asAdmin, {
    name: 'Wi-Fi welcome',
    description: 'Greets visitors who sign up for the in-store Wi-Fi with a discount.',
    definition: {
      startTriggerId: wifiTriggerId,
      startTriggerVersion: 1,
      repeatPolicy: RepeatPolicy.NOT_ALLOWED,
      startAt: services.clock.now(),
      exitTriggerIds: [],
      firstStepId: 'welcome-text',
      steps: [{ id: 'welcome-text', type: StepType.SEND_TEXT, contentId: welcome.id, sendTo: SendTo.CONTACT_PHONE }],
    },
  });
}

/** Custom triggers of the demo workspace, fit for seed 003's abandoned-cart journey. */
const DEMO_TRIGGERS: CreateTriggerInput[] = [
  {
    title: 'Cart abandoned',
    description: 'A shopper left items in the cart without checking out.',
    category: TriggerCategory.CONVERSION,
    identity: CustomerIdentity.PROFILE,
    source: 'Website',
    attributes: [
      { name: 'cartValue', displayName: 'Cart value', type: AttributeType.DECIMAL, required: true },
      { name: 'itemCount', displayName: 'Items', type: AttributeType.NUMBER, required: true },
      { name: 'cartUrl', displayName: 'Cart link', type: AttributeType.TEXT, required: false, maxLength: 500 },
    ],
  },
  {
    title: 'Purchase completed',
    description: 'A customer paid for an order.',
    category: TriggerCategory.TRANSACTION,
    identity: CustomerIdentity.PROFILE,
    source: 'Checkout',
    attributes: [
      { name: 'order', displayName: 'Order', type: AttributeType.ENTITY_REFERENCE, entity: 'order', required: true },
      { name: 'total', displayName: 'Total', type: AttributeType.DECIMAL, required: true },
      { name: 'purchasedAt', displayName: 'Purchased at', type: AttributeType.DATETIME, required: true },
    ],
  },
  {
    title: 'Wi-Fi sign-up',
    description: 'A visitor signed up for the in-store Wi-Fi.',
    category: TriggerCategory.SIGNAL,
    identity: CustomerIdentity.CONTACT,
    source: 'Store Wi-Fi portal',
    attributes: [{ name: 'location', displayName: 'Location', type: AttributeType.TEXT, required: true, maxLength: 100 }],
  },
];
