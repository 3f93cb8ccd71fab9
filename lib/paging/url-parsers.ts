import { createParser, createSerializer, type inferParserType, type ParserMap, parseAsString } from "nuqs/server";

// Pure, and safe on both sides: the page (server) and the table's URL hook (browser) read the same URL through
// the same parsers, so what the server lists and what the toolbar shows cannot disagree.

/** Control characters (NUL above all: Postgres refuses it in text) never belong in a table's URL state. */
export function cleanText(value: string, maxLength: number): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips control characters typed or pasted into the URL
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, maxLength)
  );
}

/** Free text (a search, a tag): cleaned and bounded; empty means absent. */
export function parseAsCleanText(maxLength: number, transform: (s: string) => string = (s) => s) {
  return createParser({
    parse: (value) => transform(cleanText(value, maxLength)) || null,
    serialize: (value: string) => value,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A row id in the URL (a group, a campaign); anything else is ignored rather than failing the page. */
export const parseAsUuid = createParser({
  parse: (value) => (UUID.test(value) ? value.toLowerCase() : null),
  serialize: (value: string) => value,
});

/**
 * A sort as "<key>.<asc|desc>" over the given keys; a key alone takes its natural direction. Anything else
 * falls back to the default.
 */
export function parseAsSort<K extends string>(keys: readonly K[], naturalDirection: (key: K) => "asc" | "desc") {
  return createParser({
    parse: (value): `${K}.${"asc" | "desc"}` | null => {
      const [key, dir] = value.split(".");
      if (!keys.includes(key as K)) return null;
      const direction = dir === "asc" || dir === "desc" ? dir : naturalDirection(key as K);
      return `${key as K}.${direction}`;
    },
    serialize: (value) => value,
  });
}

/** The keyset position every growing table shares: `after` = the next page, `before` = the previous one. */
export const cursorParsers = {
  after: parseAsString,
  before: parseAsString,
};

/**
 * The search string (without the keyset position) of the state a page was listed with: the table's page links
 * are built on it, so a cursor is only ever paired with the filters that produced it.
 */
export function listedQuery<P extends ParserMap>(parsers: P, state: inferParserType<P>): string {
  // The serializer's overloads (values, or a base URL and values) defeat inference over a generic parser map.
  const serialize = createSerializer(parsers) as unknown as (values: Record<string, unknown>) => string;
  return serialize({ ...state, after: null, before: null });
}
