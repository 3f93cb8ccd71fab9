/** Guest-book fields a CSV column can fill. */
export const IMPORT_FIELDS = [
  "phone",
  "firstName",
  "lastName",
  "fullName",
  "birthday",
  "language",
  "tags",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
// Labels: `Contacts.import.fields.<field>`.

/** Column index per field; null when the file has no such column. */
export type ColumnMapping = Record<ImportField, number | null>;

export const EMPTY_MAPPING: ColumnMapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;

/** Header spellings (lower-cased, letters only), English and Danish, plus the odd Urdu-English spreadsheet. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  phone: [
    "phone",
    "phonenumber",
    "mobile",
    "mobil",
    "mobilnr",
    "mobilnummer",
    "mobilenumber",
    "cell",
    "cellphone",
    "tlf",
    "tlfnr",
    "telefon",
    "telefonnummer",
    "telephone",
    "tel",
    "nummer",
    "number",
    "msisdn",
    "whatsapp",
    "contact",
    "contactnumber",
  ],
  firstName: ["first", "firstname", "fornavn", "givenname", "forename"],
  lastName: ["last", "lastname", "efternavn", "surname", "familyname"],
  fullName: ["name", "navn", "fullname", "fuldtnavn", "guest", "gst", "customer", "kunde"],
  birthday: [
    "birthday",
    "fdselsdag",
    "fodselsdag",
    "foedselsdag",
    "birthdate",
    "dateofbirth",
    "dob",
    "born",
    "fdselsdato",
    "fodselsdato",
  ],
  language: ["language", "sprog", "lang", "locale"],
  tags: ["tags", "tag", "labels", "label", "segment", "segments"],
  notes: ["notes", "note", "comment", "comments", "bemrkning", "bemaerkning", "noter", "remarks"],
};

/** Only these fields match a header that merely contains a known name ("Mobile phone", "Birthday (MM-DD)"). */
const PARTIAL_OK = new Set<ImportField>(["phone", "birthday"]);

function key(header: string) {
  return header
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z]/g, "");
}

const PHONEISH = /^[\s+()\-./\d]{6,20}$/;

/**
 * Guesses which column holds which field from the header names; when no header says "phone", the column whose
 * sample cells mostly look like phone numbers is picked.
 */
export function guessMapping(headers: string[], sampleRows: string[][] = []): ColumnMapping {
  const mapping: ColumnMapping = { ...EMPTY_MAPPING };
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const names = HEADER_NAMES[field];
    const exact = headers.findIndex((h, i) => !used.has(i) && names.includes(key(h)));
    const partial =
      exact >= 0
        ? exact
        : headers.findIndex(
            (h, i) => !used.has(i) && PARTIAL_OK.has(field) && names.some((n) => n.length >= 4 && key(h).includes(n)),
          );
    if (partial >= 0) {
      mapping[field] = partial;
      used.add(partial);
    }
  }
  if (mapping.phone === null && sampleRows.length) {
    let best = { index: -1, score: 0 };
    headers.forEach((_, i) => {
      if (used.has(i)) return;
      const cells = sampleRows.map((r) => r[i] ?? "").filter((c) => c.trim());
      const score = cells.length ? cells.filter((c) => PHONEISH.test(c.trim())).length / cells.length : 0;
      if (score > best.score) best = { index: i, score };
    });
    if (best.score >= 0.6) mapping.phone = best.index;
  }
  // A full name is only needed when there are no separate first/last columns.
  if (mapping.firstName !== null && mapping.fullName !== null) mapping.fullName = null;
  return mapping;
}
