import "server-only";
import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Every key starts with this, so a leaked one is recognisable (and secret scanners can be taught it). */
export const API_KEY_PREFIX = "cdr_";
/** Characters of the key shown in the list to recognise it: "cdr_" and 8 of the random part. */
const VISIBLE_CHARS = API_KEY_PREFIX.length + 8;
/** 32 random bytes: 256 bits, far beyond guessing, so a fast hash is as safe as a slow one (SECURITY.md). */
const SECRET_BYTES = 32;
const KEY_SHAPE = /^cdr_[A-Za-z0-9_-]{43}$/;

let hashKey: { secret: string; key: Buffer } | undefined;

/**
 * The HMAC key, derived from ENCRYPTION_KEY (HKDF, its own label), so a copy of the database alone can't test
 * guesses against the stored hashes, and keys stop working together with the saved provider credentials if
 * ENCRYPTION_KEY changes.
 */
function macKey(): Buffer {
  const secret = env().ENCRYPTION_KEY;
  if (!secret) throw new AppError("CONFIG", "Providers.secrets.noKey");
  if (hashKey?.secret !== secret) {
    hashKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "cafe-de-revenue", "api-key-hash v1", 32)) };
  }
  return hashKey.key;
}

/** The stored form of a key: HMAC-SHA256 (hex). About a microsecond, so every API call can afford it. */
export function hashApiKey(secret: string): string {
  return createHmac("sha256", macKey()).update(secret).digest("hex");
}

/** True when the text has a key's shape; anything else is refused before the database is asked. */
export function looksLikeApiKey(secret: string): boolean {
  return KEY_SHAPE.test(secret);
}

/** A key's secret: the prefix and 32 random bytes. */
export function randomApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString("base64url")}`;
}

/** A new random key: the secret (shown once), the prefix kept to recognise it, and the hash kept to check it. */
export function newApiKey(): { secret: string; prefix: string; hash: string } {
  const secret = randomApiKeySecret();
  return { secret, prefix: secret.slice(0, VISIBLE_CHARS), hash: hashApiKey(secret) };
}
