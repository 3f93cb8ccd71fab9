import "server-only";
import { users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { Database } from "@/lib/db";
import { countUsers } from "@/lib/users/manage-users";
import { consoleTranslator } from "./console-language";

export const DEFAULT_ADMIN_EMAIL = "owner@example.com";

export type BootstrapResult = { created: false } | { created: true; email: string; generatedPassword?: string };

/**
 * On first run (no users at all) creates the owner from ADMIN_EMAIL / ADMIN_PASSWORD. Without a configured
 * password a strong one is generated, returned once for the console, and must be changed at first sign-in.
 */
export async function bootstrapOwner(
  db: Database,
  config: { email?: string; password?: string },
): Promise<BootstrapResult> {
  if ((await countUsers(db)) > 0) return { created: false };
  const email = (config.email ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const generatedPassword = config.password ? undefined : generatePassword();
  const [owner] = await db
    .insert(users)
    .values({
      email,
      name: "Owner",
      role: "owner",
      passwordHash: await hashPassword(config.password ?? generatedPassword!),
      mustChangePassword: Boolean(generatedPassword),
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!owner) return { created: false };
  await recordAudit(db, { actorId: null, action: "user.bootstrap_owner", targetType: "user", targetId: owner.id });
  return { created: true, email, generatedPassword };
}

/** The one-time console banner with the generated owner password. */
export function ownerBanner(email: string, password: string, t = consoleTranslator()): string {
  const lines = [
    t("Console.ownerCreated"),
    "",
    // Labels padded to one column, whatever their length in the language (English reads as it always did).
    ...[
      [t("Console.email"), email],
      [t("Console.password"), password],
    ].map(([label, value]) => `    ${`${label} `.padEnd(Math.max(11, t("Console.password").length + 2))}${value}`),
    "",
    t("Console.shownOnce"),
    t("Console.chooseUpFront"),
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = "=".repeat(width);
  return ["", bar, ...lines.map((l) => `  ${l}`), bar, ""].join("\n");
}
