import "server-only";
import { and, asc, eq, isNull, like, or } from "drizzle-orm";
import { signupSources } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SOURCE_SLUG, slugify } from "./source-slug";

export type SourceListItem = { id: string; name: string; slug: string };

/** A name that leaves no letters or digits for a link ("☕", Urdu script) still gets one. */
const FALLBACK_SLUG = "source";

/** Tries before giving up when other people take the same slug at the same moment (sources are made by hand). */
const CREATE_ATTEMPTS = 5;

/** The sources Settings > Sign-up lists (archived ones left out), oldest first: the order they were printed in. */
export async function listSources(db: Database): Promise<SourceListItem[]> {
  return db
    .select({ id: signupSources.id, name: signupSources.name, slug: signupSources.slug })
    .from(signupSources)
    .where(isNull(signupSources.archivedAt))
    .orderBy(asc(signupSources.createdAt), asc(signupSources.slug));
}

/** `base` with "-n" appended, cut so the whole still fits a slug (at most 40 characters, no dash at the end). */
function withSuffix(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, 40 - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** The first of base, base-2, base-3, ... that no source (archived ones included) has. */
async function freeSlug(db: Database, base: string): Promise<string> {
  const stem = base.slice(0, 36).replace(/-+$/, "");
  const taken = new Set(
    (
      await db
        .select({ slug: signupSources.slug })
        .from(signupSources)
        .where(or(eq(signupSources.slug, base), like(signupSources.slug, `${stem}%`)))
    ).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const slug = withSuffix(base, n);
    if (!taken.has(slug)) return slug;
  }
}

/**
 * Creates a source with a link made from its name ("Table 4" → /join/table-4; "-2", "-3" on a clash with any
 * source, archived ones included, since their cards may still be out). The slug never changes afterwards.
 */
export async function createSource(db: Database, name: string, actorId: string | null): Promise<SourceListItem> {
  const base = slugify(name) || FALLBACK_SLUG;
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    const slug = await freeSlug(db, base);
    if (!SOURCE_SLUG.test(slug)) throw new Error(`slugify made an invalid slug: ${slug}`);
    // The unique index decides: someone else may have taken the slug since we looked.
    const [row] = await db
      .insert(signupSources)
      .values({ name, slug, createdById: actorId })
      .onConflictDoNothing({ target: signupSources.slug })
      .returning({ id: signupSources.id, name: signupSources.name, slug: signupSources.slug });
    if (row) {
      await recordAudit(db, {
        actorId,
        action: "signup.source_created",
        targetType: "signup_source",
        targetId: row.id,
        details: { name, slug },
      });
      return row;
    }
  }
  throw new AppError("CONFLICT", "Settings.signup.sources.errors.busy");
}

/** Renames a listed source (its link stays as printed). */
export async function renameSource(db: Database, id: string, name: string, actorId: string | null) {
  const [row] = await db
    .update(signupSources)
    .set({ name })
    .where(and(eq(signupSources.id, id), isNull(signupSources.archivedAt)))
    .returning({ id: signupSources.id, slug: signupSources.slug });
  if (!row) throw new AppError("NOT_FOUND", "Settings.signup.sources.errors.notFound");
  await recordAudit(db, {
    actorId,
    action: "signup.source_renamed",
    targetType: "signup_source",
    targetId: id,
    details: { name, slug: row.slug },
  });
  return { id, name, slug: row.slug };
}

/**
 * Takes a source off the list. Its link keeps working and its sign-ups keep counting: a card may still stand on
 * a table somewhere.
 */
export async function archiveSource(db: Database, id: string, actorId: string | null) {
  const [row] = await db
    .update(signupSources)
    .set({ archivedAt: new Date() })
    .where(and(eq(signupSources.id, id), isNull(signupSources.archivedAt)))
    .returning({ name: signupSources.name, slug: signupSources.slug });
  if (!row) throw new AppError("NOT_FOUND", "Settings.signup.sources.errors.notFound");
  await recordAudit(db, {
    actorId,
    action: "signup.source_archived",
    targetType: "signup_source",
    targetId: id,
    details: row,
  });
  return { id, ...row };
}
