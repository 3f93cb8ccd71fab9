import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/route-errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { analyzeVisitImport } from "@/lib/visits/import/import-visits";
import { readVisitImportRequest } from "@/lib/visits/import/visit-import-request";

/** Step 1 of a visits import (manager and up): check every row and preview a page of them. Writes nothing. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    await authorize({ role: "manager" });
    const { bytes, fileName, page, filter } = await readVisitImportRequest(request);
    const db = getDb();
    const { defaultCountry, timeZone } = await getRestaurantSettings(db);
    const analysis = await analyzeVisitImport(db, bytes, { fileName, page, filter, defaultCountry, timeZone });
    return Response.json(analysis, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
