import { authorize } from "@/lib/auth/session";
import { exportGuestData } from "@/lib/contacts/gdpr";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";

/** GDPR access request: everything held about one guest as a JSON download (manager and up, audit-logged). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await authorize({ role: "manager" });
    const { id } = await params;
    // A real UUID shape: 36 dashes or 36 "f" have the right length but make Postgres fail the uuid cast.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
      return errorResponse(new AppError("NOT_FOUND", "Contacts.errors.noSuchGuest"));
    const data = await exportGuestData(getDb(), user, id);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="guest-${id}.json"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
