import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/auth/session";
import { PREVIEW_FILTERS, type PreviewFilter, pagePreview } from "@/lib/contacts/import/import-preview";
import { findPreview } from "@/lib/contacts/import/preview-store";
import { rejectedRowsCsv } from "@/lib/contacts/import/rejected-report";
import { problemText } from "@/lib/contacts/problem";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";

const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A further page of an import preview (manager and up), from the rows the analysis kept: ?token=&page=&filter=
 * (all | rejected), or ?token=&format=csv for every rejected row with its reason. 404 once the preview is gone
 * (expired, replaced, or kept by another web process): the page then sends the file to be analysed again.
 */
export async function GET(request: Request) {
  try {
    const user = await authorize({ role: "manager" });
    const params = new URL(request.url).searchParams;
    const token = params.get("token") ?? "";
    const rows = TOKEN.test(token) ? findPreview(user.id, token) : null;
    if (!rows) throw new AppError("NOT_FOUND", "Contacts.import.errors.previewExpired");
    if (params.get("format") === "csv") {
      const rejected = rows.flatMap((r) => (r.error === null ? [] : [{ row: r.row, value: r.value, reason: r.error }]));
      const t = await getTranslations();
      return new Response(
        rejectedRowsCsv(rejected, (problem) => problemText(t, problem)),
        {
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": 'attachment; filename="rejected-rows.csv"',
            "cache-control": "no-store",
          },
        },
      );
    }
    const filter = params.get("filter");
    const page = Number(params.get("page") ?? 1);
    return Response.json(
      pagePreview(
        rows,
        {
          filter: PREVIEW_FILTERS.includes(filter as PreviewFilter) ? (filter as PreviewFilter) : "all",
          page: Number.isFinite(page) ? page : 1,
        },
        token,
      ),
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    return errorResponse(err);
  }
}
