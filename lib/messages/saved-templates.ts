import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { messageTemplates, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type SaveTemplateInput, saveTemplateSchema } from "@/lib/validation/message-template";
import type { FooterLanguage } from "./opt-out-footer";
import { hasBlockingIssues, validateTemplate } from "./validate-template";

/** Enough for any restaurant's repertoire; keeps the compose menu usable and a runaway script bounded. */
const MAX_SAVED_TEMPLATES = 200;

export type SavedTemplateItem = {
  id: string;
  name: string;
  body: string;
  category: "marketing" | "transactional";
  language: FooterLanguage;
  createdById: string | null;
  createdByName: string | null;
};

type Actor = { id: string; role: "owner" | "manager" | "staff" };

/** The restaurant's own templates, by name, with who saved each (compose lists them under "Your templates"). */
export async function listSavedTemplates(db: Database): Promise<SavedTemplateItem[]> {
  const rows = await db
    .select({
      id: messageTemplates.id,
      name: messageTemplates.name,
      body: messageTemplates.body,
      category: messageTemplates.category,
      language: messageTemplates.language,
      createdById: messageTemplates.createdById,
      createdByName: users.name,
    })
    .from(messageTemplates)
    .leftJoin(users, eq(users.id, messageTemplates.createdById))
    .orderBy(sql`lower(${messageTemplates.name})`, asc(messageTemplates.createdAt));
  return rows.map((r) => ({ ...r, language: r.language === "da" ? "da" : "en" }));
}

/**
 * Saves the message as a template, checked like a compose message (length, merge fields, braces) so a template
 * can always be sent as it stands. Names are unique (ignoring case) so the menu never shows two alike.
 */
export async function saveTemplate(db: Database, actor: Actor, raw: SaveTemplateInput): Promise<SavedTemplateItem> {
  const parsed = saveTemplateSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Compose.errors.checkTemplate");
  const input = parsed.data;
  const issues = validateTemplate(input.body);
  const blocking = hasBlockingIssues(issues) ? issues.find((i) => i.severity === "error") : undefined;
  if (blocking) throw new AppError("INVALID_INPUT", `Compose.issues.${blocking.key}`, blocking.values);

  return db.transaction(async (tx) => {
    // One save at a time, so the name check and the cap hold under concurrent saves (no unique index on name).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('message_templates'))`);
    const [same] = await tx
      .select({ id: messageTemplates.id })
      .from(messageTemplates)
      .where(sql`lower(${messageTemplates.name}) = lower(${input.name})`)
      .limit(1);
    if (same) throw new AppError("CONFLICT", "Compose.errors.templateNameTaken", { name: input.name });
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(messageTemplates)) as [
      { count: number },
    ];
    if (count >= MAX_SAVED_TEMPLATES)
      throw new AppError("CONFLICT", "Compose.errors.tooManyTemplates", { max: MAX_SAVED_TEMPLATES });
    const [row] = await tx
      .insert(messageTemplates)
      .values({
        name: input.name,
        body: input.body,
        category: input.category,
        language: input.language,
        createdById: actor.id,
      })
      .returning();
    if (!row) throw new Error("template insert returned nothing");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "template.created",
      targetType: "message_template",
      targetId: row.id,
      details: { name: row.name },
    });
    const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
    return { ...row, language: input.language, createdByName: author?.name ?? null };
  });
}

/** Deletes a saved template: its author may, and managers and owners may delete any. The text stays in the audit log. */
export async function deleteSavedTemplate(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(messageTemplates).where(eq(messageTemplates.id, id)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "Compose.errors.templateNotFound");
    if (row.createdById !== actor.id && !hasRole(actor.role, "manager")) {
      throw new AppError("FORBIDDEN", "Compose.errors.templateDeleteForbidden");
    }
    await tx.delete(messageTemplates).where(eq(messageTemplates.id, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "template.deleted",
      targetType: "message_template",
      targetId: id,
      details: { name: row.name, body: row.body },
    });
  });
}
