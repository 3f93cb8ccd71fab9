import "server-only";
import { DELIVERY_STATE_LABELS, DELIVERY_STATE_OF } from "@/lib/campaigns/delivery-status";
import { CSV_BOM, csvCell, csvLine } from "@/lib/contacts/csv-cell";
import type { Database } from "@/lib/db";
import { PROVIDER_INFO } from "@/lib/sms/providers";
import { formatInZone } from "@/lib/time/zoned";
import type { Cursor } from "./cursor";
import type { HistoryFilters } from "./filters";
import { historyWhere, queryPage } from "./list-history";

const CHUNK = 1000;

export const CSV_HEADER = [
  "Message id",
  "Time",
  "Campaign",
  "Provider",
  "Sender",
  "Phone",
  "Guest",
  "Status",
  "Stored status",
  "Sent",
  "Delivered",
  "Segments",
  "Encoding",
  "Cost",
  "Reason",
  "Message",
];

/**
 * Every message matching the filters as CSV, newest first, streamed in keyset chunks of 1,000 rows: memory
 * stays flat however large the export, and the database never sorts more than a chunk.
 */
export function historyCsvStream(db: Database, filters: HistoryFilters, timeZone: string): ReadableStream<Uint8Array> {
  const where = historyWhere(filters, timeZone);
  const encoder = new TextEncoder();
  const time = (d: Date | null) => (d ? formatInZone(d, timeZone, "yyyy-MM-dd HH:mm:ss") : "");
  let cursor: Cursor | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so spreadsheet apps read æ, ø, å and Urdu as UTF-8.
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(CSV_HEADER)));
    },
    async pull(controller) {
      if (done) return controller.close();
      const rows = await queryPage(db, where, { after: cursor, limit: CHUNK });
      const lines = rows.map((r) =>
        [
          r.id,
          time(r.listedAt),
          r.campaignName,
          PROVIDER_INFO[r.provider].label,
          r.sender ?? "(default)",
          r.phone,
          r.contactName ?? "",
          DELIVERY_STATE_LABELS[DELIVERY_STATE_OF[r.status]],
          r.status,
          time(r.sentAt),
          time(r.deliveredAt),
          r.segments,
          r.encoding,
          r.cost ?? "",
          r.reason ?? "",
          r.body,
        ]
          .map(csvCell)
          .join(","),
      );
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      const last = rows.at(-1);
      if (rows.length < CHUNK || !last) done = true;
      else cursor = { us: last.listedUs, id: last.id };
      if (done) controller.close();
    },
  });
}
