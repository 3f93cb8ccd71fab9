import { recordAudit } from "@/lib/audit";
import { authorize } from "@/lib/auth/session";
import { countForExport, exportContactsCsv } from "@/lib/contacts/export-contacts";
import { getDb } from "@/lib/db";
import { errorResponse } from "@/lib/http/route-errors";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";

/** CSV export of the guest book or one group, with consent status (manager and up, audit-logged), streamed. */
export async function GET(request: Request) {
  try {
    const user = await authorize({ role: "manager" });
    const group = new URL(request.url).searchParams.get("group");
    const groupId =
      group && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(group) ? group : null;
    const db = getDb();
    const count = await countForExport(db, groupId);
    await recordAudit(db, {
      actorId: user.id,
      action: "contact.export",
      targetType: groupId ? "group" : "contact",
      targetId: groupId,
      details: { count },
    });
    const chunks = exportContactsCsv(db, { groupId });
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    // The restaurant's date, as on every page (a UTC date would be yesterday's just after midnight in Karachi).
    const date = formatInZone(new Date(), (await getRestaurantSettings(db)).timeZone, "yyyy-MM-dd");
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="guests-${date}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
