import { parseArgs } from "node:util";
import type { Env } from "../lib/env";
import type { CpsmsDlrCodeSet } from "../lib/sms/cpsms/dlr";
import type { CpsmsSandboxOptions, CpsmsWireVariant } from "./cpsms/options";
import type { SmsappSandboxOptions, SmsappVersion } from "./smsapp/options";
import { CPSMS_DLR_CODE_SETS, CPSMS_WIRE_VARIANTS, SMSAPP_VERSIONS } from "./variants";

/** The provider behaviours `npm run sandbox` (and `npm start`'s built-in sandbox) can be told to emulate. */
export interface SandboxVariants {
  cpsmsShapes: CpsmsWireVariant;
  cpsmsDlrCodes: CpsmsDlrCodeSet;
  smsappVersion: SmsappVersion;
}

const FLAGS = {
  "cpsms-shapes": { key: "cpsmsShapes", values: CPSMS_WIRE_VARIANTS },
  "cpsms-dlr-codes": { key: "cpsmsDlrCodes", values: CPSMS_DLR_CODE_SETS },
  "smsapp-version": { key: "smsappVersion", values: SMSAPP_VERSIONS },
} as const;

export const SANDBOX_HELP = `npm run sandbox [-- options]: the CPSMS.dk and smsapp.pk emulators on loopback.

Options (each also an environment variable, which npm start's built-in sandbox reads too; a flag wins):
  --cpsms-shapes <documented|modern|draft>     CPSMS_SANDBOX_SHAPES     default documented
      documented: the 2016 documentation (errorCode/errMsg, "Success", bare addgroup with a string id)
      modern:     what current third-party clients parse (code/message, "success", addgroup in "success")
      draft:      the pre-release documentation's nested send answer ({"success":[[{to,price,countryCode}]]})
  --cpsms-dlr-codes <current|2016>             CPSMS_SANDBOX_DLR_CODES  default current
      current: 1 delivered, 2 failed, 4 buffered, 8 abandoned (the newest public client, 2025)
      2016:    1 delivered, 2 failed, 3 buffered, 4 abandoned (the 2016 documentation)
  --smsapp-version <3.1|3.7>                   SMSAPP_SANDBOX_VERSION   default 3.1
      3.1: bad token and validation errors HTTP 200, refused sends 404, only "a,b" lists become campaigns
      3.7: bad token 401, refused sends 403, any list becomes a campaign, newest messages first
  -h, --help                                   this text

Ports, credentials and the report delay: CPSMS_SANDBOX_PORT, CPSMS_SANDBOX_USERNAME, CPSMS_SANDBOX_API_KEY,
SMSAPP_SANDBOX_PORT, SMSAPP_SANDBOX_TOKEN, SANDBOX_DELIVERY_DELAY_MS (see sandbox/README.md).`;

/** Thrown for an unknown flag or value; the message names it and the accepted values. */
export class SandboxUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SandboxUsageError";
  }
}

/** Reads `npm run sandbox` flags: the variants they choose (a flag wins over the environment), or --help. */
export function parseSandboxArgs(
  args: readonly string[],
): { help: true } | { help: false; chosen: Partial<SandboxVariants> } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (err) {
    throw new SandboxUsageError((err as Error).message);
  }
  if (parsed.help) return { help: true };
  const chosen: Partial<SandboxVariants> = {};
  for (const [flag, spec] of Object.entries(FLAGS)) {
    const value = parsed[flag as keyof typeof FLAGS];
    if (value === undefined) continue;
    if (!(spec.values as readonly string[]).includes(value)) {
      throw new SandboxUsageError(`--${flag} must be one of ${spec.values.join(", ")} (got "${value}")`);
    }
    Object.assign(chosen, { [spec.key]: value });
  }
  return { help: false, chosen };
}

function parseOptions(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      "cpsms-shapes": { type: "string" },
      "cpsms-dlr-codes": { type: "string" },
      "smsapp-version": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  return values;
}

/** The variants the environment chose (CPSMS_SANDBOX_SHAPES, CPSMS_SANDBOX_DLR_CODES, SMSAPP_SANDBOX_VERSION). */
export function variantsFromEnv(
  config: Pick<Env, "CPSMS_SANDBOX_SHAPES" | "CPSMS_SANDBOX_DLR_CODES" | "SMSAPP_SANDBOX_VERSION">,
): SandboxVariants {
  return {
    cpsmsShapes: config.CPSMS_SANDBOX_SHAPES,
    cpsmsDlrCodes: config.CPSMS_SANDBOX_DLR_CODES,
    smsappVersion: config.SMSAPP_SANDBOX_VERSION,
  };
}

/** CPSMS emulator options with the chosen shapes and delivery-report codes. */
export function withCpsmsVariants(base: CpsmsSandboxOptions, variants: SandboxVariants): CpsmsSandboxOptions {
  return { ...base, wireVariant: variants.cpsmsShapes, dlr: { ...base.dlr, codeSet: variants.cpsmsDlrCodes } };
}

/** smsapp.pk emulator options with the chosen Ultimate SMS version. */
export function withSmsappVariants(base: SmsappSandboxOptions, variants: SandboxVariants): SmsappSandboxOptions {
  return { ...base, version: variants.smsappVersion };
}

/** One line saying which variants run, e.g. "CPSMS documented shapes, current DLR codes; smsapp.pk 3.1". */
export function describeVariants(variants: SandboxVariants): string {
  return `CPSMS ${variants.cpsmsShapes} shapes, ${variants.cpsmsDlrCodes} DLR codes; smsapp.pk ${variants.smsappVersion}`;
}
