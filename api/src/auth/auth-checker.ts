import { Extensions, getMetadataStorage, type AuthChecker, type MiddlewareFn } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { Context } from '../graphql/context.js';
import type { Permission } from './permissions.js';
import type { Viewer } from './viewer.js';

/** Marks a root field as reachable without credentials (sign-in, accepting an invitation). */
export const Public = () => Extensions({ public: true });

function isPublicRootField(info: GraphQLResolveInfo): boolean {
  return info.parentType.getFields()[info.fieldName]?.extensions?.public === true;
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/** Deny by default: every root field needs a viewer unless explicitly `@Public()`. */
export const denyByDefault: MiddlewareFn<Context> = ({ context, info }, next) => {
  if (ROOT_TYPES.has(info.parentType.name) && !context.viewer && !isPublicRootField(info)) throw unauthenticated();
  return next();
};

/** `@Authorized('apiKeys:manage')`: every listed permission is required. */
export const authChecker: AuthChecker<Context, Permission> = ({ context, info }, required) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  const missing = missingPermissions(viewer, required);
  if (missing.length > 0) {
    const who = viewer.kind === 'API_KEY' ? 'This API key lacks the scope' : 'Your role does not allow';
    throw forbidden(`${who} ${missing.join(', ')} needed for ${info.fieldName}.`, { reason: 'MISSING_PERMISSION', missing });
  }
  return true;
};

export function missingPermissions(viewer: Viewer, required: readonly Permission[]): Permission[] {
  return required.filter((permission) => !viewer.permissions.has(permission));
}

/** What `@Authorized(...)` demands of a root Subscription field; read after the schema is built, so open streams can be re-checked. */
export function subscriptionPermissions(fieldName: string): readonly Permission[] {
  const handler = getMetadataStorage().subscriptions.find((s) => s.schemaName === fieldName);
  return (handler?.roles ?? []) as Permission[];
}
