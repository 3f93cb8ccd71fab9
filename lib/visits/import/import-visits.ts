import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { readCsvFile } from "@/lib/contacts/import/csv-file";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromMinorUnits } from "@/lib/format/currency";
import { formatInZone } from "@/lib/time/zoned";
import { type PreparedVisit, prepareVisitRows, type RejectedVisitRow } from "./prepare-visit-rows";
import { guessVisitColumns, type VisitColumns } from "./visit-columns";

type Settings = { defaultCountry: string; timeZone: string };

/** One row as the preview shows it: the visit it becomes, or why not. */
export type VisitPreviewRow = {
  row: number;
  value: string;
  phone: string | null;
  /** The time in the restaurant's zone, "2026-11-20 19:30". */
  at: string | null;
  partySize: number | null;
  /** Decimal string in `currency` ("1249.50"). */
  spend: string | null;
  currency: string | null;
  externalId: string | null;
  error: RejectedVisitRow["reason"] | null;
};

export type VisitImportAnalysis = {
  headers: string[];
  columns: VisitColumns;
  rows: number;
  valid: number;
  rejected: number;
  page: number;
  pageCount: number;
  filter: "all" | "rejected";
  preview: VisitPreviewRow[];
};

export type VisitImportResult = {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: RejectedVisitRow[];
};

const PAGE_ROWS = 50;
const CHUNK_ROWS = 5000;

/**
 * A guest's number not in the guest book is refused, not added: a visits file carries only a number, and a
 * guest made from it would have no name, no language and no consent story (import the guests first; the
 * contacts import reads the same file and ignores the visit columns).
 */
const unknownGuest = (phone: string): RejectedVisitRow["reason"] => ({
  key: "Contacts.visitsImport.rows.unknownGuest",
  values: { phone },
});

function parse(bytes: Uint8Array, fileName: string | undefined, settings: Settings) {
  const parsed = readCsvFile(bytes, fileName);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason.key, parsed.reason.values);
  const columns = guessVisitColumns(parsed.headers);
  if (columns.phone === null) throw new AppError("INVALID_INPUT", "Contacts.visitsImport.errors.noPhoneColumn");
  if (columns.visitedAt === null) throw new AppError("INVALID_INPUT", "Contacts.visitsImport.errors.noTimeColumn");
  return { parsed, columns, prepared: prepareVisitRows(parsed.rows, columns, settings) };
}

async function knownPhones(db: Pick<Database, "execute">, phones: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < phones.length; i += 20_000) {
    const rows = await db.execute<{ phone: string }>(
      sql`select phone from ${contacts} where phone = any(${sql.param(phones.slice(i, i + 20_000))}::text[])`,
    );
    for (const r of rows.rows) found.add(r.phone);
  }
  return found;
}

/** Splits prepared visits into those whose guest is in the guest book and rejected rows for the others. */
function byGuest(visits: PreparedVisit[], known: Set<string>) {
  const ok: PreparedVisit[] = [];
  const rejected: RejectedVisitRow[] = [];
  for (const v of visits) {
    if (known.has(v.phone)) ok.push(v);
    else rejected.push({ row: v.row, value: v.phone, reason: unknownGuest(v.phone) });
  }
  return { ok, rejected };
}

/** The import page's preview of a visits file: counts and one page of rows with their reasons. Writes nothing. */
export async function analyzeVisitImport(
  db: Database,
  bytes: Uint8Array,
  options: Settings & { fileName?: string; page?: number; filter?: "all" | "rejected" },
): Promise<VisitImportAnalysis> {
  const { parsed, columns, prepared } = parse(bytes, options.fileName, options);
  const known = await knownPhones(
    db,
    prepared.visits.map((v) => v.phone),
  );
  const split = byGuest(prepared.visits, known);
  const rows: VisitPreviewRow[] = parsed.rows.map((raw, i) => ({
    row: i + 2,
    value: (raw[columns.phone!] ?? "").trim(),
    phone: null,
    at: null,
    partySize: null,
    spend: null,
    currency: null,
    externalId: null,
    error: null,
  }));
  for (const v of split.ok)
    Object.assign(rows[v.row - 2]!, {
      phone: v.phone,
      at: formatInZone(v.visitedAt, options.timeZone, "yyyy-MM-dd HH:mm"),
      partySize: v.partySize,
      spend: v.spendMinor !== null && v.currency ? fromMinorUnits(v.spendMinor, v.currency) : null,
      currency: v.currency,
      externalId: v.externalId,
    });
  for (const r of [...prepared.rejected, ...split.rejected]) rows[r.row - 2]!.error = r.reason;
  const filter = options.filter ?? "all";
  const matching = filter === "rejected" ? rows.filter((r) => r.error) : rows;
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_ROWS));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  return {
    headers: parsed.headers,
    columns,
    rows: parsed.rows.length,
    valid: split.ok.length,
    rejected: prepared.rejected.length + split.rejected.length,
    page,
    pageCount,
    filter,
    preview: matching.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS),
  };
}

/**
 * Imports a visits file in one transaction (every valid row or none). A visit whose external id was imported
 * before (a file sent twice) is counted as already imported, not added again (unique per source).
 */
export async function importVisitsCsv(
  db: Database,
  bytes: Uint8Array,
  options: Settings & { fileName?: string; actorId: string | null },
): Promise<VisitImportResult> {
  const { parsed, prepared } = parse(bytes, options.fileName, options);
  return db.transaction(async (tx) => {
    const known = await knownPhones(
      tx,
      prepared.visits.map((v) => v.phone),
    );
    const split = byGuest(prepared.visits, known);
    let imported = 0;
    for (let i = 0; i < split.ok.length; i += CHUNK_ROWS) {
      const chunk = split.ok.slice(i, i + CHUNK_ROWS);
      const written = await tx.execute<{ n: number }>(sql`
        with ins as (
          insert into visits (id, contact_id, visited_at, party_size, spend_minor, currency, source, external_id)
          select u.id, c.id, u.visited_at, u.party_size, u.spend_minor, u.currency, 'csv', u.external_id
          from unnest(
            ${sql.param(chunk.map(() => randomUUID()))}::uuid[],
            ${sql.param(chunk.map((v) => v.phone))}::text[],
            ${sql.param(chunk.map((v) => v.visitedAt.toISOString()))}::timestamptz[],
            ${sql.param(chunk.map((v) => v.partySize))}::int[],
            ${sql.param(chunk.map((v) => v.spendMinor))}::bigint[],
            ${sql.param(chunk.map((v) => v.currency))}::text[],
            ${sql.param(chunk.map((v) => v.externalId))}::text[]
          ) as u(id, phone, visited_at, party_size, spend_minor, currency, external_id)
          join ${contacts} c on c.phone = u.phone
          on conflict (source, external_id) where external_id is not null do nothing
          returning 1
        )
        select count(*)::int as n from ins`);
      imported += written.rows[0]!.n;
    }
    const rejected = [...prepared.rejected, ...split.rejected].sort((a, b) => a.row - b.row);
    const result = {
      rows: parsed.rows.length,
      imported,
      alreadyImported: split.ok.length - imported,
      rejected,
    };
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "visit.import",
      targetType: "visit",
      details: {
        fileName: options.fileName ?? null,
        rows: result.rows,
        imported,
        alreadyImported: result.alreadyImported,
        rejected: rejected.length,
      },
    });
    return result;
  });
}
