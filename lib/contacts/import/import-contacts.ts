import "server-only";
import { sql } from "drizzle-orm";
import { consentEvents, contacts, groupMembers, groups, suppressions } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { requestHeldStops } from "@/lib/campaigns/stop-withdrawn";
import { withdrawConsent } from "@/lib/consent/consent-ledger";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetTagCache } from "../list-contacts";
import { type ColumnMapping, guessMapping } from "./column-mapping";
import { readCsvFile } from "./csv-file";
import { buildPreviewRows, type PreviewFilter, type PreviewPage, pagePreview } from "./import-preview";
import { createRowPreparer, type PreparedContact, prepareImportRows, type RejectedRow } from "./prepare-rows";
import { keepPreview } from "./preview-store";

export type ExistingMode = "update" | "skip";

export type ImportOptions = {
  fileName?: string;
  /** Column per field; guessed from the headers when left out. */
  mapping?: ColumnMapping;
  defaultCountry: string;
  /** What to do with numbers already in the guest book. */
  existing: ExistingMode;
  /** Import as marketing-consented: the source is always "import"; the wording the guests agreed to is required. */
  consent?: { wording: string } | null;
  /**
   * The file is an unsubscribe list (e.g. from the restaurant's previous SMS tool): every guest in it has consent
   * withdrawn (source "import"), is suppressed, and loses any promotion not yet sent.
   */
  optOut?: boolean;
  /** Also add every imported guest to this group. */
  groupId?: string | null;
  actorId: string | null;
  /** Called as chunks are written: rows of the file done so far, out of all rows. */
  onProgress?: (done: number, total: number) => void;
};

export type ImportResult = {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: RejectedRow[];
  invalid: number;
  duplicates: number;
  consentGranted: number;
  /** Consented imports that were not granted: the number is suppressed or the guest had withdrawn. */
  consentRefused: number;
  /** Unsubscribe-list imports: guests whose consent this import withdrew. */
  consentWithdrawn: number;
  addedToGroup: number;
};

export type ImportAnalysis = {
  headers: string[];
  mapping: ColumnMapping;
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** Valid numbers already in the guest book. */
  existing: number;
  /** One page of every row as it will be imported (or why not); further pages come from the kept preview. */
  preview: PreviewPage;
};

/** Rows written per INSERT: one array parameter per column, so the chunk size is not bound by parameter limits. */
export const IMPORT_CHUNK_ROWS = 5000;
const TAG_SEPARATOR = "\u001f";

function parseOrThrow(bytes: Uint8Array, options: Pick<ImportOptions, "fileName" | "mapping">) {
  const parsed = readCsvFile(bytes, options.fileName);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason.key, parsed.reason.values);
  const mapping = options.mapping ?? guessMapping(parsed.headers, parsed.rows.slice(0, 50));
  if (mapping.phone === null || mapping.phone >= parsed.headers.length) {
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.noPhoneColumn");
  }
  for (const index of Object.values(mapping)) {
    if (index !== null && (index < 0 || index >= parsed.headers.length))
      throw new AppError("INVALID_INPUT", "Contacts.import.errors.mappingMismatch");
  }
  return { parsed, mapping };
}

async function existingPhones(db: Pick<Database, "execute">, phones: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < phones.length; i += 20_000) {
    const chunk = phones.slice(i, i + 20_000);
    const rows = await db.execute<{ phone: string }>(
      sql`select phone from ${contacts} where phone = any(${sql.param(chunk)}::text[])`,
    );
    for (const r of rows.rows) found.add(r.phone);
  }
  return found;
}

/**
 * The import page's preview: the file checked and parsed, the column mapping (guessed unless given), counts of
 * valid, invalid and duplicate rows and of numbers already in the guest book, and one page of the rows as they
 * will be imported (all, or the rejected ones with their reasons). With `keepFor` (the user's id) every row is
 * kept on the server for paging (lib/contacts/import/preview-store.ts). Writes nothing.
 */
export async function analyzeContactImport(
  db: Database,
  bytes: Uint8Array,
  options: Pick<ImportOptions, "fileName" | "mapping" | "defaultCountry"> & {
    page?: number;
    filter?: PreviewFilter;
    keepFor?: string;
  },
): Promise<ImportAnalysis> {
  const { parsed, mapping } = parseOrThrow(bytes, options);
  const prepared = prepareImportRows(parsed.rows, mapping, options.defaultCountry);
  const existing = await existingPhones(
    db,
    prepared.contacts.map((c) => c.phone),
  );
  const rows = buildPreviewRows(parsed.rows, mapping.phone!, prepared, existing);
  const token = options.keepFor ? keepPreview(options.keepFor, rows) : null;
  return {
    headers: parsed.headers,
    mapping,
    rows: parsed.rows.length,
    valid: prepared.contacts.length,
    invalid: prepared.invalid,
    duplicates: prepared.duplicates,
    existing: existing.size,
    preview: pagePreview(rows, { page: options.page, filter: options.filter }, token),
  };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Counts = Omit<ImportResult, "rows" | "rejected" | "invalid" | "duplicates">;

/**
 * Writes one chunk: a multi-row INSERT ... ON CONFLICT (phone) from one array parameter per column. Consent is
 * granted in SQL only to new guests and to existing ones with no consent yet, never to a suppressed number;
 * `consent_changed_at = now()` (the transaction's start time) then tells exactly which rows gained consent here.
 */
async function writeChunk(
  tx: Tx,
  rows: PreparedContact[],
  options: ImportOptions,
  wording: string | null,
  counts: Counts,
) {
  const grant = wording !== null;
  // One statement per chunk (contacts, their ledger entries and group memberships, via data-modifying CTEs), so
  // the whole write overlaps with normalising the next chunk.
  const written = await tx.execute<{
    inserted: boolean;
    granted_now: boolean;
    consent_state: string;
    group_added: number;
  }>(sql`
    with written as (
      insert into ${contacts} as c (phone, first_name, last_name, birthday_month, birthday_day, language, notes, tags,
        opt_out_token, consent_state, consent_changed_at, created_by_id, updated_by_id)
      select u.phone, u.first_name, u.last_name, u.bm, u.bd, u.language, u.notes,
        case when u.tags = '' then '{}'::text[] else string_to_array(u.tags, ${TAG_SEPARATOR}) end,
        u.token, g.state, case when g.state = 'granted' then now() end, ${options.actorId}::uuid, ${options.actorId}::uuid
      from unnest(
        ${sql.param(rows.map((c) => c.phone))}::text[],
        ${sql.param(rows.map((c) => c.firstName))}::text[],
        ${sql.param(rows.map((c) => c.lastName))}::text[],
        ${sql.param(rows.map((c) => c.birthdayMonth))}::int[],
        ${sql.param(rows.map((c) => c.birthdayDay))}::int[],
        ${sql.param(rows.map((c) => c.language))}::text[],
        ${sql.param(rows.map((c) => c.notes))}::text[],
        ${sql.param(rows.map((c) => c.tags.join(TAG_SEPARATOR)))}::text[],
        ${sql.param(rows.map(() => newOptOutToken()))}::text[]
      ) as u(phone, first_name, last_name, bm, bd, language, notes, tags, token)
      cross join lateral (
        select case when ${grant} and not exists (
          select 1 from ${suppressions} s where s.phone_hash = encode(sha256(convert_to(u.phone, 'UTF8')), 'hex')
        ) then 'granted' else 'none' end as state
      ) g
      on conflict (phone) do ${
        options.existing === "skip"
          ? sql`nothing`
          : sql`update set
        first_name = case when excluded.first_name <> '' then excluded.first_name else c.first_name end,
        last_name = case when excluded.last_name <> '' then excluded.last_name else c.last_name end,
        birthday_month = coalesce(excluded.birthday_month, c.birthday_month),
        birthday_day = case when excluded.birthday_month is not null then excluded.birthday_day else c.birthday_day end,
        language = coalesce(excluded.language, c.language),
        notes = case when excluded.notes <> '' then excluded.notes else c.notes end,
        tags = array(select distinct t from unnest(c.tags || excluded.tags) as t order by t),
        consent_state = case when c.consent_state = 'none' and excluded.consent_state = 'granted' then 'granted' else c.consent_state end,
        consent_changed_at = case when c.consent_state = 'none' and excluded.consent_state = 'granted' then now() else c.consent_changed_at end,
        updated_by_id = excluded.updated_by_id,
        updated_at = now()`
      }
      returning c.id, (xmax = 0) as inserted, coalesce(c.consent_changed_at = now(), false) as granted_now, c.consent_state
    ),
    ledger as (
      insert into ${consentEvents} (contact_id, state, source, wording, recorded_by_id)
      select id, 'granted', 'import', ${wording}, ${options.actorId}::uuid from written where ${grant} and granted_now
    ),
    joined as (
      insert into ${groupMembers} (group_id, contact_id)
      select ${options.groupId ?? null}::uuid, id from written where ${options.groupId ?? null}::uuid is not null
      on conflict do nothing
      returning 1
    )
    select inserted, granted_now, consent_state, (select count(*)::int from joined) as group_added from written`);
  for (const r of written.rows) {
    if (r.inserted) counts.created++;
    else counts.updated++;
    if (grant && r.granted_now) counts.consentGranted++;
    else if (grant && r.consent_state !== "granted") counts.consentRefused++;
  }
  counts.skipped += rows.length - written.rows.length;
  counts.addedToGroup += written.rows[0]?.group_added ?? 0;
}

/** An unsubscribe list: withdraws every listed guest's consent (suppression and pending promotions included). */
async function withdrawListed(tx: Tx, phones: string[], actorId: string | null): Promise<number> {
  let withdrawn = 0;
  for (let i = 0; i < phones.length; i += 10_000) {
    const ids = await tx.execute<{ id: string }>(
      sql`select id from ${contacts} where phone = any(${sql.param(phones.slice(i, i + 10_000))}::text[])`,
    );
    if (ids.rows.length === 0) continue;
    const changed = await withdrawConsent(tx, {
      selection: { ids: ids.rows.map((r) => r.id) },
      source: "import",
      actorId,
    });
    withdrawn += changed.length;
  }
  return withdrawn;
}

/**
 * Imports a CSV file into the guest book in one transaction: either every valid row is written or nothing is.
 * Rows are normalised and written in chunks; while the database writes one chunk, the next is normalised.
 * Existing guests are updated (non-empty fields win, tags are merged) or skipped. A consented import records a
 * ledger entry per guest that gains consent, and never re-grants a withdrawn guest or a suppressed number.
 */
export async function importContactsCsv(
  db: Database,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const { parsed, mapping } = parseOrThrow(bytes, options);
  const wording = options.consent ? options.consent.wording.trim() : null;
  if (options.consent && !wording) {
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.wordingRequired");
  }
  if (options.consent && options.optOut) {
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.consentAndOptOut");
  }
  const rows = parsed.rows;
  const total = rows.length;
  const preparer = createRowPreparer(mapping, options.defaultCountry);
  const rejected: RejectedRow[] = [];
  const counts: Counts = {
    created: 0,
    updated: 0,
    skipped: 0,
    consentGranted: 0,
    consentRefused: 0,
    consentWithdrawn: 0,
    addedToGroup: 0,
  };
  const phones: string[] = [];

  await db.transaction(async (tx) => {
    if (options.groupId) {
      const found = await tx.select({ id: groups.id }).from(groups).where(sql`${groups.id} = ${options.groupId}`);
      if (!found.length) throw new AppError("NOT_FOUND", "Contacts.import.errors.groupGone");
    }
    let inFlight: Promise<void> | null = null;
    for (let start = 0; start < total; start += IMPORT_CHUNK_ROWS) {
      const end = Math.min(start + IMPORT_CHUNK_ROWS, total);
      const chunk = preparer.prepare(rows.slice(start, end), start); // runs while the previous chunk is written
      rejected.push(...chunk.rejected);
      if (options.optOut) phones.push(...chunk.contacts.map((c) => c.phone));
      await inFlight;
      options.onProgress?.(start, total);
      inFlight = chunk.contacts.length ? writeChunk(tx, chunk.contacts, options, wording, counts) : null;
    }
    await inFlight;
    if (options.optOut) counts.consentWithdrawn = await withdrawListed(tx, phones, options.actorId);
    options.onProgress?.(total, total);
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "contact.import",
      targetType: "contact",
      details: {
        fileName: options.fileName ?? null,
        rows: total,
        ...counts,
        rejected: rejected.length,
        existing: options.existing,
        consent: wording !== null,
        optOut: options.optOut ?? false,
        groupId: options.groupId ?? null,
      },
    });
  });

  forgetTagCache();
  // Withdrawals inside the transaction asked CPSMS to delete held promotions before it committed: ask again.
  if (counts.consentWithdrawn > 0) await requestHeldStops();
  return { rows: total, ...counts, rejected, ...preparer.totals };
}
