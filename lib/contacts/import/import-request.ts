import { z } from "zod";
import { AppError } from "@/lib/errors";
import { IMPORT_FIELDS } from "./column-mapping";
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from "./csv-file";
import { PREVIEW_FILTERS } from "./import-preview";

const column = z.number().int().min(0).max(500).nullable();

/** The import page's choices, sent with the file (as the `options` query parameter, JSON). */
export const importOptionsSchema = z.object({
  mapping: z
    .object(
      Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column])) as Record<
        (typeof IMPORT_FIELDS)[number],
        typeof column
      >,
    )
    .optional(),
  existing: z.enum(["update", "skip"]).default("skip"),
  consentWording: z.string().trim().max(1000).nullable().default(null),
  /** The file is an unsubscribe list: withdraw every listed guest's consent. */
  optOut: z.boolean().default(false),
  groupId: z.uuid().nullable().default(null),
  /** Which preview page to answer with (analysis only). */
  page: z.number().int().min(1).max(1_000_000).optional(),
  filter: z.enum(PREVIEW_FILTERS).optional(),
});
export type ImportRequestOptions = z.infer<typeof importOptionsSchema>;

/** Reads an import request: the raw CSV bytes as the body, the file name and options in the query string. */
export async function readImportRequest(
  request: Request,
): Promise<{ bytes: Uint8Array; fileName: string; options: ImportRequestOptions }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_BYTES)
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.tooLarge", {
      max: MAX_IMPORT_MB,
    });
  const url = new URL(request.url);
  const fileName = (url.searchParams.get("name") ?? "upload.csv").slice(0, 200);
  let raw: unknown = {};
  try {
    raw = JSON.parse(url.searchParams.get("options") ?? "{}");
  } catch {
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.badOptions");
  }
  const parsed = importOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Contacts.import.errors.badOptions");
  const bytes = new Uint8Array(await request.arrayBuffer());
  return { bytes, fileName, options: parsed.data };
}
