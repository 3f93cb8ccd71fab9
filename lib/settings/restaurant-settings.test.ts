import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import {
  getFrequencyCapSetting,
  getRestaurantSettings,
  saveFrequencyCap,
  saveProviderRoutes,
  saveRestaurantSettings,
} from "./restaurant-settings";

async function lastAudit(actorId: string, action: string) {
  const [row] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("restaurant settings", () => {
  // The settings are one shared row: save what is there, so tests running alongside see no change.
  it("saving the basics and the routes records who did it in the audit log", async () => {
    const owner = await insertUser({ role: "owner" });
    const { routes, ...basics } = await getRestaurantSettings(getDb());

    await saveRestaurantSettings(getDb(), basics, owner.id);
    expect(await lastAudit(owner.id, "settings.restaurant_saved")).toMatchObject({
      targetType: "settings",
      targetId: "restaurant",
      details: basics,
    });

    await saveProviderRoutes(getDb(), routes, owner.id);
    expect(await lastAudit(owner.id, "settings.routes_saved")).toMatchObject({ targetId: "routes", details: routes });
    expect(await getRestaurantSettings(getDb())).toEqual({ ...basics, routes });
  });

  it("saving the frequency cap records who did it; it reads back as saved", async () => {
    const owner = await insertUser({ role: "owner" });
    const { timeZone: _zone, ...cap } = await getFrequencyCapSetting(getDb());
    await saveFrequencyCap(getDb(), cap, owner.id);
    expect(await lastAudit(owner.id, "settings.frequency_cap_saved")).toMatchObject({
      targetId: "frequency_cap",
      details: cap,
    });
    expect(await getFrequencyCapSetting(getDb())).toMatchObject(cap);
  });
});
