import { eq, isNotNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { groups } from "@/drizzle/schema";
import { authorize } from "@/lib/auth/session";
import { importContactsCsv } from "@/lib/contacts/import/import-contacts";
import { readImportRequest } from "@/lib/contacts/import/import-request";
import { getDb } from "@/lib/db";
import { toLocalizedError } from "@/lib/errors";
import { fixGroupDrift } from "@/lib/groups/cpsms-sync";
import { errorResponse } from "@/lib/http/route-errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { logger } from "@/lib/logger";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";

/**
 * Step 2 of an import (manager and up): writes the file in one transaction and streams progress as NDJSON
 * lines ({type:"progress",done,total}, then {type:"done",result} or {type:"error",error}).
 */
export async function POST(request: Request) {
  let input: Awaited<ReturnType<typeof readImportRequest>>;
  let user: Awaited<ReturnType<typeof authorize>>;
  try {
    assertSameOrigin(request); // the session cookie reaches us from another port of this host too (same site)
    user = await authorize({ role: "manager" });
    input = await readImportRequest(request);
  } catch (err) {
    return errorResponse(err);
  }
  const db = getDb();
  const { defaultCountry } = await getRestaurantSettings(db);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let lastSent = 0;
      try {
        const result = await importContactsCsv(db, input.bytes, {
          fileName: input.fileName,
          mapping: input.options.mapping,
          defaultCountry,
          existing: input.options.existing,
          consent: input.options.consentWording !== null ? { wording: input.options.consentWording } : null,
          optOut: input.options.optOut,
          groupId: input.options.groupId,
          actorId: user.id,
          onProgress: (done, total) => {
            if (done === total || Date.now() - lastSent > 150) {
              lastSent = Date.now();
              send({ type: "progress", done, total });
            }
          },
        });
        send({ type: "done", result });
        revalidatePath("/contacts", "layout");
        revalidatePath("/groups", "layout");
        // A linked group gets its new consented members at CPSMS after the response (the drift check shows progress).
        // An unsubscribe list takes its guests out of every linked group (sendgroup texts the whole group).
        const groupId = input.options.groupId;
        if (groupId || result.consentWithdrawn > 0) {
          void (async () => {
            const linked = await db
              .select({ id: groups.id })
              .from(groups)
              .where(result.consentWithdrawn > 0 ? isNotNull(groups.cpsmsGroupId) : eq(groups.id, groupId!));
            for (const g of linked) {
              const [group] = await db
                .select({ cpsmsGroupId: groups.cpsmsGroupId })
                .from(groups)
                .where(eq(groups.id, g.id));
              if (group?.cpsmsGroupId != null) await fixGroupDrift(db, g.id);
            }
          })().catch((err) => logger.warn({ err }, "cpsms push after import failed"));
        }
      } catch (err) {
        send({ type: "error", error: await toLocalizedError(err) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
