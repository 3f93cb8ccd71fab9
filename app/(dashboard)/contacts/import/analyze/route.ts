import { authorize } from "@/lib/auth/session";
import { analyzeContactImport } from "@/lib/contacts/import/import-contacts";
import { readImportRequest } from "@/lib/contacts/import/import-request";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/route-errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";

/**
 * Step 1 of an import (manager and up): check and parse the file, guess the columns, preview one page (the rest
 * is kept for GET /contacts/import/preview). Writes nothing.
 */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await authorize({ role: "manager" });
    const { bytes, fileName, options } = await readImportRequest(request);
    const db = getDb();
    const { defaultCountry } = await getRestaurantSettings(db);
    const analysis = await analyzeContactImport(db, bytes, {
      fileName,
      mapping: options.mapping,
      defaultCountry,
      page: options.page,
      filter: options.filter,
      keepFor: user.id,
    });
    return Response.json(analysis, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
