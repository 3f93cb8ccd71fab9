import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { logoVersion, readLogo, removeLogo, saveLogo } from "./logo";
import { LOGO_MAX_BYTES } from "./logo-type";

/** A real 1×1 PNG, with a marker in a text chunk so each test's image differs. */
function png(marker: string): Buffer {
  const onePixel = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  );
  return Buffer.concat([onePixel, Buffer.from(marker)]);
}

async function lastAudit(actorId: string) {
  const [row] = await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.targetId, "logo")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("the restaurant's logo", () => {
  // One shared row: these steps run in order in one test, so nothing else sees a half-done state.
  it("is stored, replaced and removed; a refused file changes nothing", async () => {
    const db = getDb();
    const owner = await insertUser({ role: "owner" });
    const first = png(`first-${Math.random()}`);

    const saved = await saveLogo(db, first, owner.id);
    const sha = createHash("sha256").update(first).digest("hex");
    expect(saved.sha256).toBe(sha);
    expect(await logoVersion(db)).toBe(sha);
    const stored = await readLogo(db);
    expect(stored?.mimeType).toBe("image/png");
    expect(Buffer.compare(stored!.image, first)).toBe(0);
    expect(await lastAudit(owner.id)).toMatchObject({ action: "settings.logo_saved", details: { sha256: sha } });

    // Refused: an SVG named .png (its bytes say so), a GIF, an oversized PNG, an empty file.
    const refused: [Buffer, string][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "svg"],
      [Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), "gif"],
      [Buffer.concat([png("big"), Buffer.alloc(LOGO_MAX_BYTES)]), "tooLarge"],
      [Buffer.alloc(0), "empty"],
      [Buffer.from("just text"), "notImage"],
    ];
    for (const [bytes, problem] of refused) {
      await expect(saveLogo(db, bytes, owner.id)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: `Settings.restaurant.logo.errors.${problem}`,
      });
    }
    expect(await logoVersion(db)).toBe(sha);
    expect(Buffer.compare((await readLogo(db))!.image, first)).toBe(0);
    expect((await lastAudit(owner.id))?.details).toMatchObject({ sha256: sha });

    const second = png(`second-${Math.random()}`);
    const replaced = await saveLogo(db, second, owner.id);
    expect(replaced.sha256).not.toBe(sha);
    expect(await logoVersion(db)).toBe(replaced.sha256);

    expect(await removeLogo(db, owner.id)).toBe(true);
    expect(await lastAudit(owner.id)).toMatchObject({ action: "settings.logo_removed" });
    expect(await readLogo(db)).toBeNull();
    expect(await logoVersion(db)).toBeNull();
    expect(await removeLogo(db, owner.id)).toBe(false);
  });
});
