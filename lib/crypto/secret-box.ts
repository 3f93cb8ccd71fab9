import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Format: "v1.<iv>.<ciphertext>.<tag>" (base64url). AES-256-GCM authenticates, so a tampered or foreign
// value fails to open instead of decrypting to garbage. The version prefix leaves room for key rotation.
const VERSION = "v1";

function key(secret = env().ENCRYPTION_KEY): Buffer {
  if (!secret) {
    // The launcher always sets one (configured or generated under DATA_DIR); reaching this is a setup bug.
    throw new AppError("CONFIG", "Providers.secrets.noKey");
  }
  return createHash("sha256").update(secret).digest();
}

/** Encrypts a secret (provider API key or token) for storage. */
export function sealSecret(plaintext: string, secret?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, body, cipher.getAuthTag()]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** Decrypts what `sealSecret` stored; throws a clear AppError if the key changed or the value was altered. */
export function openSecret(sealed: string, secret?: string): string {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) {
    throw new AppError("CONFIG", "Providers.secrets.damaged");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("CONFIG", "Providers.secrets.undecryptable");
  }
}

/** The last four characters, shown on the settings page so staff can tell which key is saved. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 8 ? "…" : `…${plaintext.slice(-4)}`;
}
