import fs from "node:fs";
import path from "node:path";
import { setRuntimeEnv } from "@/lib/env";
import { offerLinkToken } from "@/lib/offers/offer-link";
import { E2E } from "./config";

/**
 * The guest page's path for a code, signed as the shared e2e server signs it: with the ENCRYPTION_KEY its
 * launcher generated into the data directory (the link a guest's text would carry).
 */
export function offerPagePath(code: string): string {
  const { encryptionKey } = JSON.parse(fs.readFileSync(path.join(E2E.dataDir, "secrets.json"), "utf8"));
  setRuntimeEnv({ ENCRYPTION_KEY: encryptionKey });
  return `/c/${offerLinkToken(code)}`;
}
