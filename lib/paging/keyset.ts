import "server-only";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

// Pure (no database): the list queries of every growing table page the same way. A page is found from the
// previous page's edge row (its sort key and id), never by OFFSET, so page 1,000 costs what page 1 does and a
// row added meanwhile neither repeats nor skips one.

/** The edge row of a page: its sort key (as text, exact) and its id (as text). */
export type KeysetCursor = { key: string; id: string };

/** Which way to page from a cursor: `after` = the next page, `before` = the previous one. */
export type KeysetPosition = { after?: string | null; before?: string | null };

/** A page of rows and the cursors of its neighbours (null where there is none). */
export type KeysetPage<T> = { rows: T[]; nextCursor: string | null; prevCursor: string | null };

/** Opaque in the URL (base64url of JSON), so nobody is tempted to edit it by hand. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/**
 * Reads a cursor from the URL, or null when it is malformed or its parts fail the checks: a forged cursor must
 * never reach Postgres as a value it refuses (an overflowing timestamp, a non-uuid) and fail the page.
 */
export function decodeCursor(
  value: string | null | undefined,
  check: { key: RegExp; id: RegExp },
): KeysetCursor | null {
  if (!value || value.length > 400) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString());
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [key, id] = parsed;
    if (typeof key !== "string" || typeof id !== "string") return null;
    return check.key.test(key) && check.id.test(id) ? { key, id } : null;
  } catch {
    return null;
  }
}

/** Checks for the usual key kinds. */
export const CURSOR_PARTS = {
  /** Microseconds since the epoch (exact, unlike a millisecond Date), at most 16 digits (until 2286). */
  micros: /^-?\d{1,16}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /** A positive safe integer (bigserial ids). */
  integer: /^\d{1,15}$/,
  /** Any text key (names, phone numbers), bounded; never NUL, which Postgres refuses in text. */
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this check refuses
  text: /^[^\u0000]{0,300}$/,
} as const;

/** A timestamp column as exact microseconds text, for a cursor's key. */
export const microsOf = (column: SQLWrapper) => sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;

/** Microseconds text back to a timestamptz, for comparing with a cursor. */
export const atMicros = (micros: string) => sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

type Keyset = {
  /** The sort column (or expression). */
  key: SQLWrapper;
  /** The tie-breaker: a unique id, so equal sort keys still have one order. */
  id: SQLWrapper;
  direction: "asc" | "desc";
};

/**
 * The WHERE part and ORDER BY of a keyset page. Going back (`before`) reads the other way from the cursor;
 * `keysetPage` puts those rows back in display order. `cursorSql` turns the cursor's text into typed values.
 */
export function keysetSql(
  keyset: Keyset,
  cursor: { after: KeysetCursor | null; before: KeysetCursor | null },
  cursorSql: (c: KeysetCursor) => { key: SQL; id: SQL },
): { where: SQL | undefined; orderBy: SQL[] } {
  const from = cursor.after ?? cursor.before;
  const backwards = !cursor.after && Boolean(cursor.before);
  const ascending = (keyset.direction === "asc") !== backwards;
  const order = ascending ? sql`asc` : sql`desc`;
  const orderBy = [sql`${keyset.key} ${order}`, sql`${keyset.id} ${order}`];
  if (!from) return { where: undefined, orderBy };
  const at = cursorSql(from);
  const where = ascending
    ? sql`(${keyset.key}, ${keyset.id}) > (${at.key}, ${at.id})`
    : sql`(${keyset.key}, ${keyset.id}) < (${at.key}, ${at.id})`;
  return { where, orderBy };
}

/**
 * Turns the rows read with `limit + 1` into a page: the extra row only says there is more that way. A page
 * read backwards is reversed into display order.
 */
export function keysetPage<T>(
  rows: T[],
  options: {
    limit: number;
    after: KeysetCursor | null;
    before: KeysetCursor | null;
    cursorOf: (row: T) => KeysetCursor;
  },
): KeysetPage<T> {
  const backwards = !options.after && Boolean(options.before);
  const hasMore = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Read backwards, the page we came from lies ahead; read forwards, a cursor means there is a page behind.
  const nextExists = backwards ? true : hasMore;
  const prevExists = backwards ? hasMore : Boolean(options.after);
  return {
    rows: page,
    nextCursor: nextExists && last ? encodeCursor(options.cursorOf(last)) : null,
    prevCursor: prevExists && first ? encodeCursor(options.cursorOf(first)) : null,
  };
}
