import "server-only";
import { eq } from "drizzle-orm";
import { providerSettings } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit";
import { sealSecret, secretHint } from "@/lib/crypto/secret-box";
import type { Database } from "@/lib/db";
import type { ProviderName } from "@/lib/sms/types";
import type { DefaultSenderInput, ProviderCredentialsInput } from "@/lib/validation/providers";

type Actor = { id: string };

/** Saves a provider's credentials, encrypted; the audit log records that they changed, never their value. */
export async function saveProviderCredentials(db: Database, actor: Actor, input: ProviderCredentialsInput) {
  const values = {
    username: input.provider === "cpsms" ? input.username : null,
    secretCiphertext: sealSecret(input.secret),
    secretHint: secretHint(input.secret),
    updatedBy: actor.id,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(providerSettings)
      .values({ provider: input.provider, ...values })
      .onConflictDoUpdate({ target: providerSettings.provider, set: values });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "provider.credentials_saved",
      targetType: "provider",
      targetId: input.provider,
      details: input.provider === "cpsms" ? { username: input.username } : {},
    });
  });
}

/** Forgets saved credentials: the provider falls back to environment variables or the sandbox. */
export async function clearProviderCredentials(db: Database, actor: Actor, provider: ProviderName) {
  await db.transaction(async (tx) => {
    await tx
      .update(providerSettings)
      .set({ username: null, secretCiphertext: null, secretHint: null, updatedBy: actor.id, updatedAt: new Date() })
      .where(eq(providerSettings.provider, provider));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "provider.credentials_cleared",
      targetType: "provider",
      targetId: provider,
    });
  });
}

/** The sender used when a message names none. */
export async function saveDefaultSender(db: Database, actor: Actor, input: DefaultSenderInput) {
  const values = { defaultSender: input.sender || null, updatedBy: actor.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx
      .insert(providerSettings)
      .values({ provider: input.provider, ...values })
      .onConflictDoUpdate({ target: providerSettings.provider, set: values });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "provider.default_sender_saved",
      targetType: "provider",
      targetId: input.provider,
      details: { sender: values.defaultSender },
    });
  });
}
