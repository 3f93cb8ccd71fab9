/** A source's link segment: what `/join/<slug>` accepts and Settings > Sign-up creates. */
export const SOURCE_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** "Table tent 4 (terrace)" → "table-tent-4-terrace": readable on a printed card; "" when nothing is left. */
export function slugify(name: string): string {
  // The Danish letters first: NFKD would split "å" into "a" and a ring and lose the second letter.
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
