import { CPSMS_SANDBOX_DEFAULTS, type CpsmsSandboxOptions } from "./cpsms/options";
import { type CpsmsSandbox, startCpsmsSandbox } from "./cpsms/server";
import { SMSAPP_SANDBOX_DEFAULTS, type SmsappSandboxOptions } from "./smsapp/options";
import { type SmsappSandbox, startSmsappSandbox } from "./smsapp/server";

export { CPSMS_CONTRACT_VARIANTS, CPSMS_DLR_CODE_SETS, CPSMS_WIRE_VARIANTS, SMSAPP_VERSIONS } from "./variants";
export type { CpsmsSandbox, CpsmsSandboxOptions, SmsappSandbox, SmsappSandboxOptions };
export { startCpsmsSandbox, startSmsappSandbox };

/**
 * Defaults the app's CLI uses when CPSMS_SANDBOX_* / SMSAPP_SANDBOX_* are unset. The smsapp token is
 * deliberately not shaped like a real Sanctum token (`<id>|<40 chars>`).
 */
export const SANDBOX_DEFAULTS = {
  cpsms: {
    port: 4010,
    username: CPSMS_SANDBOX_DEFAULTS.username,
    apiKey: CPSMS_SANDBOX_DEFAULTS.apiKey,
    credit: CPSMS_SANDBOX_DEFAULTS.credit,
  },
  smsapp: { port: 4020, apiToken: SMSAPP_SANDBOX_DEFAULTS.apiToken, balance: SMSAPP_SANDBOX_DEFAULTS.balance },
} as const;

export interface Sandboxes {
  cpsms: CpsmsSandbox;
  smsapp: SmsappSandbox;
  stop(): Promise<void>;
}

/** Starts both emulators (ports default to 0 = free; pass SANDBOX_DEFAULTS ports for the fixed dev setup). */
export async function startSandboxes(
  options: { cpsms?: CpsmsSandboxOptions; smsapp?: SmsappSandboxOptions } = {},
): Promise<Sandboxes> {
  const cpsms = await startCpsmsSandbox(options.cpsms);
  let smsapp: SmsappSandbox;
  try {
    smsapp = await startSmsappSandbox(options.smsapp);
  } catch (err) {
    await cpsms.stop();
    throw err;
  }
  return {
    cpsms,
    smsapp,
    stop: async () => {
      await Promise.all([cpsms.stop(), smsapp.stop()]);
    },
  };
}
