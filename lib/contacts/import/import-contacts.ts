import { sql } from "drizzle-orm";
import { contacts, groups } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { suppressionsFor } from "@/lib/consent/suppression";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type ColumnMapping, guessMapping } from "./column-mapping";
import { readCsvFile } from "./csv-file";
import { type PreparedContact, prepareImportRows, type RejectedRow } from "./prepare-rows";

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
  /** Also add every imported guest to this group. */
  groupId?: string | null;
  actorId: string | null;
  /** Called after each chunk is written (done ≤ total). */
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
  preview: { row: number; value: string; phone: string | null; name: string; error: string | null; warning: string | null; exists: boolean }[];
  rejected: RejectedRow[];
};

/** Rows written per INSERT: one array parameter per column, so the chunk size is not bound by parameter limits. */
export const IMPORT_CHUNK_ROWS = 5000;
const PREVIEW_ROWS = 20;
const TAG_SEPARATOR = "\u001f";

function parseOrThrow(bytes: Uint8Array, options: Pick<ImportOptions, "fileName" | "mapping">) {
  const parsed = readCsvFile(bytes, options.fileName);
  if (!parsed.ok) throw new AppError("INVALID_INPUT", parsed.reason);
  const mapping = options.mapping ?? guessMapping(parsed.headers, parsed.rows.slice(0, 50));
  if (mapping.phone === null || mapping.phone >= parsed.headers.length) {
    throw new AppError("INVALID_INPUT", "Choose which column holds the phone numbers.");
  }
  for (const index of Object.values(mapping)) {
    if (index !== null && (index < 0 || index >= parsed.headers.length)) throw new AppError("INVALID_INPUT", "The column mapping doesn't match the file.");
  }
  return { parsed, mapping };
}

async function existingPhones(db: Pick<Database, "execute">, phones: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < phones.length; i += 20_000) {
    const chunk = phones.slice(i, i + 20_000);
    const rows = await db.execute<{ phone: string }>(sql`select phone from ${contacts} where phone = any(${sql.param(chunk)}::text[])`);
    for (const r of rows.rows) found.add(r.phone);
  }
  return found;
}

/**
 * The import page's preview: the file checked and parsed, the column mapping (guessed unless given), counts of
 * valid, invalid and duplicate rows and of numbers already in the guest book, the first rows as they will be
 * imported, and every rejected row. Writes nothing.
 */
export async function analyzeContactImport(
  db: Database,
  bytes: Uint8Array,
  options: Pick<ImportOptions, "fileName" | "mapping" | "defaultCountry">,
): Promise<ImportAnalysis> {
  const { parsed, mapping } = parseOrThrow(bytes, options);
  const prepared = prepareImportRows(parsed.rows, mapping, options.defaultCountry);
  const existing = await existingPhones(db, prepared.contacts.map((c) => c.phone));
  const byRow = new Map<number, PreparedContact>(prepared.contacts.filter((c) => c.row <= PREVIEW_ROWS + 1).map((c) => [c.row, c]));
  const rejectedByRow = new Map(prepared.rejected.filter((r) => r.row <= PREVIEW_ROWS + 1).map((r) => [r.row, r]));
  const preview = parsed.rows.slice(0, PREVIEW_ROWS).map((raw, i) => {
    const row = i + 2;
    const ok = byRow.get(row);
    const bad = rejectedByRow.get(row);
    return {
      row,
      value: (raw[mapping.phone!] ?? "").trim(),
      phone: ok?.phone ?? null,
      name: ok ? `${ok.firstName} ${ok.lastName}`.trim() : "",
      error: bad?.reason ?? null,
      warning: ok?.warning ?? null,
      exists: ok ? existing.has(ok.phone) : false,
    };
  });
  return {
    headers: parsed.headers,
    mapping,
    rows: parsed.rows.length,
    valid: prepared.contacts.length,
    invalid: prepared.invalid,
    duplicates: prepared.duplicates,
    existing: existing.size,
    preview,
    rejected: prepared.rejected,
  };
}

/**
 * Imports a CSV file into the guest book in one transaction: either every valid row is written or nothing is.
 * Rows are written in chunks with multi-row INSERT ... ON CONFLICT (phone); existing guests are updated
 * (non-empty fields win, tags are merged) or skipped. A consented import records a ledger entry per guest that
 * gains consent, never re-grants a withdrawn guest or a suppressed number, and never overrides a withdrawal.
 */
export async function importContactsCsv(db: Database, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { parsed, mapping } = parseOrThrow(bytes, options);
  const consentWording = options.consent ? options.consent.wording.trim() : null;
  if (options.consent && !consentWording) {
    throw new AppError("INVALID_INPUT", "Enter the exact consent wording these guests agreed to, or import them without marketing consent.");
  }
  const prepared = prepareImportRows(parsed.rows, mapping, options.defaultCountry);
  parsed.rows.length = 0; // the raw cells are no longer needed; let them go before the write
  const suppressed = consentWording ? await suppressionsFor(db, prepared.contacts.map((c) => c.phone)) : new Set<string>();
  const total = prepared.contacts.length;
  const counts = { created: 0, updated: 0, skipped: 0, consentGranted: 0, consentRefused: 0, addedToGroup: 0 };

  await db.transaction(async (tx) => {
    if (options.groupId) {
      const found = await tx.select({ id: groups.id }).from(groups).where(sql`${groups.id} = ${options.groupId}`);
      if (!found.length) throw new AppError("NOT_FOUND", "The group chosen for this import no longer exists.");
    }
    for (let start = 0; start < total; start += IMPORT_CHUNK_ROWS) {
      const chunk = prepared.contacts.slice(start, start + IMPORT_CHUNK_ROWS);
      const phones = chunk.map((c) => c.phone);
      // Lock the guests this chunk touches, so what we decide about their consent holds until we commit.
      const before = await tx.execute<{ phone: string; consent_state: string }>(
        sql`select phone, consent_state from ${contacts} where phone = any(${sql.param(phones)}::text[]) for update`,
      );
      const stateOf = new Map(before.rows.map((r) => [r.phone, r.consent_state]));
      const rows = options.existing === "skip" ? chunk.filter((c) => !stateOf.has(c.phone)) : chunk;
      counts.skipped += chunk.length - rows.length;
      if (rows.length === 0) {
        options.onProgress?.(Math.min(start + chunk.length, total), total);
        continue;
      }
      const grants = rows.map((c) => {
        if (!consentWording) return false;
        const prior = stateOf.get(c.phone);
        if (prior === "granted") return false; // already consented: the earlier proof stands
        const allowed = !suppressed.has(c.phone) && (prior === undefined || prior === "none");
        if (!allowed) counts.consentRefused++;
        return allowed;
      });
      const written = await tx.execute<{ id: string; phone: string; inserted: boolean }>(sql`
        insert into ${contacts} as c (phone, first_name, last_name, birthday_month, birthday_day, language, notes, tags,
          opt_out_token, consent_state, consent_changed_at, created_by_id, updated_by_id)
        select u.phone, u.first_name, u.last_name, u.bm, u.bd, u.language, u.notes,
          case when u.tags = '' then '{}'::text[] else string_to_array(u.tags, ${TAG_SEPARATOR}) end,
          u.token, case when u.grant_consent then 'granted' else 'none' end,
          case when u.grant_consent then now() end, ${options.actorId}::uuid, ${options.actorId}::uuid
        from unnest(
          ${sql.param(phones.length === rows.length ? phones : rows.map((c) => c.phone))}::text[],
          ${sql.param(rows.map((c) => c.firstName))}::text[],
          ${sql.param(rows.map((c) => c.lastName))}::text[],
          ${sql.param(rows.map((c) => c.birthdayMonth))}::int[],
          ${sql.param(rows.map((c) => c.birthdayDay))}::int[],
          ${sql.param(rows.map((c) => c.language))}::text[],
          ${sql.param(rows.map((c) => c.notes))}::text[],
          ${sql.param(rows.map((c) => c.tags.join(TAG_SEPARATOR)))}::text[],
          ${sql.param(rows.map(() => newOptOutToken()))}::text[],
          ${sql.param(grants)}::boolean[]
        ) as u(phone, first_name, last_name, bm, bd, language, notes, tags, token, grant_consent)
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
        returning c.id, c.phone, (xmax = 0) as inserted`);
      const granted: string[] = [];
      const grantByPhone = new Map(rows.map((c, i) => [c.phone, grants[i]]));
      for (const r of written.rows) {
        if (r.inserted) counts.created++;
        else counts.updated++;
        if (grantByPhone.get(r.phone)) granted.push(r.id);
      }
      counts.skipped += rows.length - written.rows.length;
      if (granted.length && consentWording) {
        counts.consentGranted += granted.length;
        await tx.execute(sql`
          insert into consent_events (contact_id, state, source, wording, recorded_by_id)
          select id, 'granted', 'import', ${consentWording}, ${options.actorId}::uuid from unnest(${sql.param(granted)}::uuid[]) as id`);
      }
      if (options.groupId && written.rows.length) {
        const added = await tx.execute(sql`
          insert into group_members (group_id, contact_id)
          select ${options.groupId}::uuid, id from unnest(${sql.param(written.rows.map((r) => r.id))}::uuid[]) as id
          on conflict do nothing`);
        counts.addedToGroup += added.rowCount ?? 0;
      }
      options.onProgress?.(Math.min(start + chunk.length, total), total);
    }
    await recordAudit(tx, {
      actorId: options.actorId,
      action: "contact.import",
      targetType: "contact",
      details: {
        fileName: options.fileName ?? null,
        rows: prepared.contacts.length + prepared.rejected.length,
        ...counts,
        rejected: prepared.rejected.length,
        existing: options.existing,
        consent: Boolean(consentWording),
        groupId: options.groupId ?? null,
      },
    });
  });

  return {
    rows: prepared.contacts.length + prepared.rejected.length,
    ...counts,
    rejected: prepared.rejected,
    invalid: prepared.invalid,
    duplicates: prepared.duplicates,
  };
}
