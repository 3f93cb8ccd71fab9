import "server-only";
import { env } from "@/lib/env";

/** Where the launcher's sandbox emulators listen (loopback only). */
export function sandboxUrls() {
  const config = env();
  return {
    cpsms: `http://127.0.0.1:${config.CPSMS_SANDBOX_PORT}/v2`,
    smsapp: `http://127.0.0.1:${config.SMSAPP_SANDBOX_PORT}/api/v3`,
  };
}
