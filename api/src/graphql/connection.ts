import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page sits in a cursor-paginated list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to fetch the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1–${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page (`pageInfo.endCursor`).' })
  after?: string | null;
}

export type ConnectionShape<T> = { edges: { cursor: string; node: T }[]; nodes: T[]; pageInfo: PageInfo; totalCount: number };

/** A Relay-style connection type for `Item`, with `nodes` as a shortcut for `edges.node`. */
export function Connection<T extends object>(Item: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} and its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => Item, { description: `The ${what}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase implements ConnectionShape<T> {
    @Field(() => [Edge], { description: `The ${what}s on this page, with cursors.` })
    edges!: Edge[];

    @Field(() => [Item], { description: `The ${what}s on this page.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `Total number of ${what}s matching the filter, across all pages.` })
    totalCount!: number;
  }
  return ConnectionBase;
}

type Cursor = { v: string; id: string };
const ROW_ID = { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, bigint: /^[0-9]{1,18}$/ };

const encodeCursor = (value: string, id: string) => Buffer.from(JSON.stringify({ v: value, id })).toString('base64url');

function decodeCursor(cursor: string, idKind: keyof typeof ROW_ID): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed.v === 'string' && ROW_ID[idKind].test(String(parsed.id))) return parsed;
  } catch {
    // fall through
  }
  throw badInput('The `after` cursor is not valid; use a pageInfo.endCursor returned by this list.', { reason: 'INVALID_CURSOR', field: 'after' });
}

/** The sort key of a list: an entity property and how to read it as a cursor string. Ties break on id. */
export type SortKey<T> = { property: keyof T & string; value(row: T): string; idKind?: 'uuid' | 'bigint' };

export const byCreatedAt = <T extends { createdAt: Date }>(): SortKey<T> => ({ property: 'createdAt', value: (row) => row.createdAt.toISOString() });

/**
 * Keyset pagination on (sort key, id): stable under inserts, one query for the page plus one count.
 * created_at columns have millisecond precision so cursors round-trip exactly.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: 'ASC' | 'DESC' = 'DESC',
  sort: SortKey<T> = byCreatedAt() as unknown as SortKey<T>,
): Promise<ConnectionShape<T>> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, { reason: 'INVALID_PAGE_SIZE', field: 'first' });
  }
  const alias = qb.alias;
  const totalCount = await qb.clone().getCount();
  const page = qb.clone();
  if (args.after) {
    const cursor = decodeCursor(args.after, sort.idKind ?? 'uuid');
    const op = order === 'DESC' ? '<' : '>';
    page.andWhere(`(${alias}.${sort.property}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, { cursorValue: cursor.v, cursorId: cursor.id });
  }
  const rows = await page
    .orderBy(`${alias}.${sort.property}`, order)
    .addOrderBy(`${alias}.id`, order)
    .take(args.first + 1)
    .getMany();
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sort.value(node), node.id), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
