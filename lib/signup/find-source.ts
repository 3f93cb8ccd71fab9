import "server-only";
import { eq } from "drizzle-orm";
import { signupSources } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { SOURCE_SLUG } from "./source-slug";

/** The source behind `/join/<slug>` (archived ones too: their cards may still stand on tables), or null. */
export async function findSourceBySlug(db: Database, slug: string) {
  if (!SOURCE_SLUG.test(slug)) return null;
  const [row] = await db
    .select({ id: signupSources.id, name: signupSources.name, slug: signupSources.slug })
    .from(signupSources)
    .where(eq(signupSources.slug, slug))
    .limit(1);
  return row ?? null;
}
