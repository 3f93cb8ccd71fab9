import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/route-errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { importVisitsCsv } from "@/lib/visits/import/import-visits";
import { readVisitImportRequest } from "@/lib/visits/import/visit-import-request";

/** Step 2 of a visits import (manager and up): writes every valid row in one transaction, or none. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await authorize({ role: "manager" });
    const { bytes, fileName } = await readVisitImportRequest(request);
    const db = getDb();
    const { defaultCountry, timeZone } = await getRestaurantSettings(db);
    const result = await importVisitsCsv(db, bytes, { fileName, defaultCountry, timeZone, actorId: user.id });
    revalidatePath("/contacts", "layout");
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
