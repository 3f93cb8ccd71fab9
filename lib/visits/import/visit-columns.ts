/** Visit fields a CSV column can fill. Labels: `Contacts.visitsImport.fields.<field>`. */
export const VISIT_FIELDS = ["phone", "visitedAt", "partySize", "spend", "currency", "externalId"] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];
export type VisitColumns = Record<VisitField, number | null>;

/** Header spellings (lower-cased, letters only), English and Danish, as booking and till exports write them. */
const HEADER_NAMES: Record<VisitField, string[]> = {
  phone: ["phone", "phonenumber", "mobile", "mobil", "mobilnummer", "telefon", "telefonnummer", "tlf", "tel", "msisdn"],
  visitedAt: [
    "visitedat",
    "visited",
    "visit",
    "date",
    "datetime",
    "time",
    "dato",
    "tidspunkt",
    "besg",
    "besog",
    "bookingtime",
    "bookedfor",
    "checkin",
  ],
  partySize: [
    "partysize",
    "party",
    "guests",
    "covers",
    "pax",
    "persons",
    "people",
    "antal",
    "antalpersoner",
    "kuverter",
    "gster",
  ],
  spend: ["spend", "amount", "total", "bill", "revenue", "belb", "belob", "beloeb", "omsætning", "omstning", "sum"],
  currency: ["currency", "valuta"],
  externalId: [
    "externalid",
    "id",
    "bookingid",
    "booking",
    "reference",
    "ref",
    "receipt",
    "receiptno",
    "bon",
    "bonnr",
    "kvittering",
    "ordre",
    "order",
  ],
};

function key(header: string) {
  return header
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z]/g, "");
}

/** Which column holds which field, from the header names (exact spellings only: a wrong guess costs a visit). */
export function guessVisitColumns(headers: string[]): VisitColumns {
  const columns = Object.fromEntries(VISIT_FIELDS.map((f) => [f, null])) as VisitColumns;
  const used = new Set<number>();
  for (const field of VISIT_FIELDS) {
    const index = headers.findIndex((h, i) => !used.has(i) && HEADER_NAMES[field].includes(key(h)));
    if (index >= 0) {
      columns[field] = index;
      used.add(index);
    }
  }
  return columns;
}
