import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from "@/lib/contacts/import/csv-file";
import { AppError } from "@/lib/errors";

/** Reads a visits import request: the CSV bytes as the body; file name, preview page and filter in the query. */
export async function readVisitImportRequest(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_BYTES)
    throw new AppError("INVALID_INPUT", "Contacts.import.errors.tooLarge", { max: MAX_IMPORT_MB });
  const url = new URL(request.url);
  const page = Number(url.searchParams.get("page") ?? 1);
  return {
    fileName: (url.searchParams.get("name") ?? "upload.csv").slice(0, 200),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    filter: url.searchParams.get("filter") === "rejected" ? ("rejected" as const) : ("all" as const),
    bytes: new Uint8Array(await request.arrayBuffer()),
  };
}
