import { eq } from "drizzle-orm";
import { z } from "zod";
import { campaigns } from "@/drizzle/schema";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { reportCsvResponse } from "@/lib/reports/report-csv-response";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";

export const dynamic = "force-dynamic";

/** GET /campaigns/<id>/export: the campaign's report, one row per recipient, as CSV (managers and owners, audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await authorize({ role: "manager" });
    const { id } = await params;
    if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
    const db = getDb();
    const [found] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
    if (!found) throw new AppError("NOT_FOUND", "Campaigns.errors.notFound");
    const { timeZone } = await getRestaurantSettings(db);
    return await reportCsvResponse(db, {
      scope: { kind: "campaign", campaignId: id },
      actorId: user.id,
      name: `campaign-report-${id.slice(0, 8)}`,
      timeZone,
      now: new Date(),
    });
  } catch (err) {
    return errorResponse(err);
  }
}
