import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { findSourceBySlug } from "./find-source";
import { archiveSource, createSource, listSources, renameSource } from "./manage-sources";
import { SOURCE_SLUG } from "./source-slug";

/** A name no other test (or earlier run) uses, so slugs don't collide across test files. */
const unique = (name: string) => `${name} ${randomBytes(3).toString("hex")}`;

describe("sign-up sources", () => {
  it("makes the link from the name, and a clash gets -2, -3 (archived sources count: their cards are out)", async () => {
    const db = getDb();
    const manager = await insertUser({ role: "manager" });
    const name = unique("Table tent, terrace");
    const base = name.toLowerCase().replaceAll(", ", "-").replaceAll(" ", "-");

    const first = await createSource(db, name, manager.id);
    expect(first.slug).toBe(base);
    const second = await createSource(db, name, manager.id);
    expect(second.slug).toBe(`${base}-2`);
    await archiveSource(db, second.id, manager.id);
    const third = await createSource(db, name, manager.id);
    expect(third.slug).toBe(`${base}-3`);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, manager.id), eq(auditLog.action, "signup.source_created")));
    expect(audit.map((a) => a.details.slug)).toEqual(expect.arrayContaining([base, `${base}-2`, `${base}-3`]));
  });

  it("keeps every slug valid: long names, Danish letters, names with nothing to make a link from", async () => {
    const db = getDb();
    const tag = randomBytes(3).toString("hex");
    const long = await createSource(db, `${tag} ${"Very long poster name ".repeat(3)}`.slice(0, 60), null);
    expect(long.slug.length).toBeLessThanOrEqual(40);
    const longAgain = await createSource(db, `${tag} ${"Very long poster name ".repeat(3)}`.slice(0, 60), null);
    expect(longAgain.slug).toMatch(/-2$/);
    expect(longAgain.slug.length).toBeLessThanOrEqual(40);
    expect((await createSource(db, `Æblebord ved søen ${tag}`, null)).slug).toBe(`aeblebord-ved-soeen-${tag}`);
    const none = await createSource(db, "☕ میز", null);
    expect(none.slug).toMatch(/^source(-\d+)?$/);
    for (const s of [long, longAgain, none]) expect(SOURCE_SLUG.test(s.slug)).toBe(true);
  });

  it("renames without touching the printed link; archiving takes it off the list but the link still resolves", async () => {
    const db = getDb();
    const source = await createSource(db, unique("Receipt"), null);
    const renamed = await renameSource(db, source.id, "Receipt footer", null);
    expect(renamed.slug).toBe(source.slug);
    expect((await listSources(db)).find((s) => s.id === source.id)).toEqual({
      id: source.id,
      name: "Receipt footer",
      slug: source.slug,
    });

    await archiveSource(db, source.id, null);
    expect((await listSources(db)).some((s) => s.id === source.id)).toBe(false);
    expect(await findSourceBySlug(db, source.slug)).toMatchObject({ id: source.id });

    await expect(archiveSource(db, source.id, null)).rejects.toThrow("Settings.signup.sources.errors.notFound");
    await expect(renameSource(db, source.id, "Again", null)).rejects.toThrow("Settings.signup.sources.errors.notFound");
  });
});
