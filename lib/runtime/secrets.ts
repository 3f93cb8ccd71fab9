import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const secretsSchema = z.object({
  authSecret: z.string().min(32),
  postgresPassword: z.string().min(16),
  /** Encrypts provider credentials at rest; added to older files on first read. */
  encryptionKey: z.string().min(32).optional(),
});
export type PersistedSecrets = Required<z.infer<typeof secretsSchema>>;

const FILE_NAME = "secrets.json";

/**
 * Secrets generated on first run and kept under DATA_DIR (mode 0600) so restarts keep sessions and the
 * embedded database password. Configured values (AUTH_SECRET, ENCRYPTION_KEY) still take precedence over these.
 */
export async function loadOrCreateSecrets(dataDir: string): Promise<PersistedSecrets> {
  const file = path.join(dataDir, FILE_NAME);
  try {
    const stored = secretsSchema.parse(JSON.parse(await fs.readFile(file, "utf8")));
    if (stored.encryptionKey) return { ...stored, encryptionKey: stored.encryptionKey };
    // A data directory from before credentials were stored: add a key, keeping the other secrets.
    const upgraded = { ...stored, encryptionKey: randomBytes(32).toString("base64url") };
    await fs.writeFile(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`${file} is unreadable or damaged; fix or remove it (removing it signs everyone out).`);
    }
  }
  const secrets: PersistedSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    postgresPassword: randomBytes(24).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64url"),
  };
  // `wx` fails if another process created it first; then we read theirs instead of overwriting.
  try {
    await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateSecrets(dataDir);
    throw err;
  }
}
