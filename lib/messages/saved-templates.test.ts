import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, messageTemplates } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { deleteSavedTemplate, listSavedTemplates, saveTemplate } from "./saved-templates";

const input = (over: Partial<Parameters<typeof saveTemplate>[2]> = {}) => ({
  name: `Quiz night ${Math.random().toString(36).slice(2, 8)}`,
  body: "Hi {first_name|there}, quiz night at {restaurant} on Thursday at 19!",
  category: "marketing" as const,
  language: "en" as const,
  ...over,
});

describe("staff templates", () => {
  it("staff save their own template; it is listed with who saved it, and audit-logged", async () => {
    const staff = await insertUser({ role: "staff" });
    const saved = await saveTemplate(getDb(), staff, input({ name: "  Quiz night Thursday  " }));
    expect(saved.name).toBe("Quiz night Thursday");
    const listed = (await listSavedTemplates(getDb())).find((t) => t.id === saved.id);
    expect(listed).toMatchObject({
      name: "Quiz night Thursday",
      category: "marketing",
      language: "en",
      createdById: staff.id,
    });
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, saved.id), eq(auditLog.action, "template.created")));
    expect(audit).toHaveLength(1);
  });

  it.each([
    ["an empty name", { name: "   " }, "Compose.validation.templateNameRequired"],
    ["a name over 80 characters", { name: "n".repeat(81) }, "Compose.validation.templateNameTooLong"],
    ["an empty body", { body: " \n " }, "Compose.validation.templateBodyRequired"],
    ["a body over 1,530 characters", { body: "b".repeat(1531) }, "Compose.validation.templateBodyTooLong"],
    ["an unknown merge field", { body: "Hi {frist_name}!" }, "Compose.issues.unknownFieldSuggest"],
    ["an unclosed brace", { body: "Hi {first_name" }, "Compose.issues.unclosedBrace"],
  ] as const)("refuses %s with a clear reason, and saves nothing", async (_label, over, error) => {
    const staff = await insertUser({ role: "staff" });
    await expect(saveTemplate(getDb(), staff, input(over))).rejects.toThrow(error);
    expect(await getDb().select().from(messageTemplates).where(eq(messageTemplates.createdById, staff.id))).toEqual([]);
  });

  it("refuses a second template of the same name", async () => {
    const staff = await insertUser({ role: "staff" });
    const first = await saveTemplate(getDb(), staff, input());
    await expect(saveTemplate(getDb(), staff, input({ name: first.name.toUpperCase() }))).rejects.toThrow(
      "Compose.errors.templateNameTaken",
    );
  });

  it("staff delete their own templates only; managers delete any", async () => {
    const author = await insertUser({ role: "staff" });
    const colleague = await insertUser({ role: "staff" });
    const manager = await insertUser({ role: "manager" });
    const mine = await saveTemplate(getDb(), author, input());
    const another = await saveTemplate(getDb(), author, input());
    await expect(deleteSavedTemplate(getDb(), colleague, mine.id)).rejects.toThrow(
      "Compose.errors.templateDeleteForbidden",
    );
    await deleteSavedTemplate(getDb(), author, mine.id);
    await deleteSavedTemplate(getDb(), manager, another.id);
    const left = await getDb().select().from(messageTemplates).where(eq(messageTemplates.createdById, author.id));
    expect(left).toEqual([]);
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, another.id), eq(auditLog.action, "template.deleted")));
    expect(audit[0]?.actorId).toBe(manager.id);
    await expect(deleteSavedTemplate(getDb(), manager, another.id)).rejects.toThrow("Compose.errors.templateNotFound");
  });
});
