import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// From AUTH_SECRET (shared by every instance), else random per process (one process: the zero-config start).
let key: Buffer | null = null;
function signupKey(): Buffer {
  key ??= createHmac("sha256", env().AUTH_SECRET ?? randomBytes(32).toString("hex"))
    .update("sign-up page")
    .digest();
  return key;
}

function mac(value: string): string {
  return createHmac("sha256", signupKey()).update(value).digest("base64url");
}

/** The per-address limit's key: a keyed hash, so the table never holds guests' addresses. */
export function clientKeyOf(address: string): string {
  return mac(`client:${address}`).slice(0, 32);
}

/** The hidden "form shown at" field: the time the page was rendered, signed so a script can't backdate it. */
export function formStamp(now = Date.now()): string {
  return `${now}.${mac(`stamp:${now}`).slice(0, 22)}`;
}

/** How long ago a stamp's form was shown (ms), or null for a missing, forged or malformed stamp. */
export function formAge(stamp: string, now = Date.now()): number | null {
  const [time, signature] = stamp.split(".");
  if (!time || !signature || !/^\d{10,15}$/.test(time)) return null;
  if (mac(`stamp:${time}`).slice(0, 22) !== signature) return null;
  return now - Number(time);
}
