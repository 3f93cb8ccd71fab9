import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { historyCsvStream } from "@/lib/history/export-csv";
import { parseHistoryFilters } from "@/lib/history/filters";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";

export const dynamic = "force-dynamic";

/** GET /history/export?<the page's filters>: the matching messages as CSV, streamed (managers and owners). */
export async function GET(request: Request) {
  try {
    await authorize({ role: "manager" });
  } catch (err) {
    if (err instanceof AppError)
      return Response.json(
        { error: await localizeMessage(err.message, err.values) },
        { status: err.code === "UNAUTHENTICATED" ? 401 : 403 },
      );
    throw err;
  }
  const db = getDb();
  const { timeZone } = await getRestaurantSettings(db);
  const filters = parseHistoryFilters(new URL(request.url).searchParams);
  const name = `messages-${formatInZone(new Date(), timeZone, "yyyy-MM-dd-HHmm")}.csv`;
  return new Response(historyCsvStream(db, filters, timeZone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
