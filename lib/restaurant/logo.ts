import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { restaurantLogo } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LOGO_HEAD_BYTES, LOGO_MAX_BYTES, type LogoMimeType, logoProblem, sniffLogoType } from "./logo-type";

export type StoredLogo = { image: Buffer; mimeType: LogoMimeType; sha256: string };

/**
 * Stores the restaurant's logo (replacing any), after checking its size and, by its bytes, that it is a PNG, JPEG
 * or WebP image; a refused file changes nothing. Audit-logged.
 */
export async function saveLogo(db: Database, bytes: Buffer, actorId: string | null): Promise<{ sha256: string }> {
  const problem = logoProblem(bytes.length, bytes.subarray(0, LOGO_HEAD_BYTES));
  const mimeType = sniffLogoType(bytes.subarray(0, LOGO_HEAD_BYTES));
  if (problem || !mimeType) {
    throw new AppError("INVALID_INPUT", `Settings.restaurant.logo.errors.${problem ?? "notImage"}`, {
      size: Math.ceil(bytes.length / 1024),
      max: LOGO_MAX_BYTES / 1024,
    });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const values = { image: bytes, mimeType, sha256, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx
      .insert(restaurantLogo)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: restaurantLogo.id, set: values });
    await recordAudit(tx, {
      actorId,
      action: "settings.logo_saved",
      targetType: "settings",
      targetId: "logo",
      details: { mimeType, bytes: bytes.length, sha256 },
    });
  });
  return { sha256 };
}

/** Removes the logo (audit-logged when there was one); true when there was one. */
export async function removeLogo(db: Database, actorId: string | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(restaurantLogo)
      .where(eq(restaurantLogo.id, 1))
      .returning({ sha256: restaurantLogo.sha256 });
    if (removed.length === 0) return false;
    await recordAudit(tx, {
      actorId,
      action: "settings.logo_removed",
      targetType: "settings",
      targetId: "logo",
      details: { sha256: removed[0]!.sha256 },
    });
    return true;
  });
}

/** The logo's bytes, type and hash, or null when the restaurant has none. */
export async function readLogo(db: Database): Promise<StoredLogo | null> {
  const [row] = await db
    .select({ image: restaurantLogo.image, mimeType: restaurantLogo.mimeType, sha256: restaurantLogo.sha256 })
    .from(restaurantLogo)
    .where(eq(restaurantLogo.id, 1))
    .limit(1);
  return row ?? null;
}

/** The logo's sha256 (its ETag and the `?v=` of its URL) without reading the image, or null when none. */
export async function logoVersion(db: Database): Promise<string | null> {
  const [row] = await db
    .select({ sha256: restaurantLogo.sha256 })
    .from(restaurantLogo)
    .where(eq(restaurantLogo.id, 1))
    .limit(1);
  return row?.sha256 ?? null;
}

/** The logo's URL for an <img>, versioned so browsers may keep it for good; null when there is none. */
export function logoUrl(version: string | null): string | null {
  return version ? `/brand/logo?v=${version}` : null;
}
