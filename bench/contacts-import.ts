import { importContactsCsv } from "@/lib/contacts/import/import-contacts";
import { getDb } from "@/lib/db";
import { timeMs, withPeakRss } from "./measure";
import type { Bench } from "./types";

const ROWS = 100_000;
const FIRST = [
  "Anna",
  "Mads",
  "Sofie",
  "Frederik",
  "Ida",
  "Oliver",
  "Freja",
  "Lucas",
  "Emma",
  "William",
  "Åse",
  "Søren",
  "Ayesha",
  "Ali",
  "Fatima",
];
const LAST = [
  "Hansen",
  "Jensen",
  "Nielsen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Khan",
  "Ahmed",
  "Malik",
];

/**
 * A 100,000-row guest CSV as a Danish Excel export would look (semicolons, local numbers with spaces): 2% of
 * rows invalid (too short, letters, scientific notation) and 5% repeating an earlier number in another format.
 */
export function generateGuestCsv(rows = ROWS): { csv: string; invalid: number; duplicates: number } {
  const lines = ["Fornavn;Efternavn;Mobil;Fødselsdag;Tags"];
  let invalid = 0;
  let duplicates = 0;
  let unique = 0;
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const tags = i % 3 === 0 ? "vip" : i % 3 === 1 ? "lunch,regular" : "";
    const birthday = i % 4 === 0 ? `${(i % 28) + 1}.${(i % 12) + 1}.19${70 + (i % 30)}` : "";
    let phone: string;
    if (i % 50 === 7) {
      phone = ["123", "20 12 34", "ring mig", "4.52E+09"][i % 4]!;
      invalid++;
    } else if (i % 20 === 11 && unique > 10) {
      const n = 20_100_000 + ((i * 7919) % unique); // an earlier row's number, written as +45
      phone = `+45 ${String(n).replace(/(\d{2})(?=\d)/g, "$1 ")}`;
      duplicates++;
    } else {
      const n = 20_100_000 + unique++;
      phone = String(n).replace(/(\d{2})(?=\d)/g, "$1 ");
    }
    lines.push(`${first};${last};${phone};${birthday};${tags}`);
  }
  return { csv: `${lines.join("\r\n")}\r\n`, invalid, duplicates };
}

export const contactsImportBench: Bench = {
  names: ["contacts.import.100k"],
  async run(report) {
    const { csv } = generateGuestCsv();
    const bytes = new TextEncoder().encode(csv);
    const db = getDb();
    const { peakRssMb, result } = await withPeakRss(() =>
      timeMs(() =>
        importContactsCsv(db, bytes, {
          fileName: "guests-100k.csv",
          defaultCountry: "DK",
          existing: "update",
          consent: { wording: "Ja tak, send mig tilbud på SMS. Jeg kan altid framelde mig via linket i beskeden." },
          actorId: null,
        }),
      ),
    );
    report({
      bench: "contacts.import.100k",
      value: result.ms,
      unit: "ms",
      peak_rss_mb: peakRssMb,
      imported: result.result.created + result.result.updated,
      rejected: result.result.rejected.length,
      invalid: result.result.invalid,
      duplicates: result.result.duplicates,
      file_mb: Math.round((bytes.byteLength / 1024 / 1024) * 10) / 10,
    });
  },
};
