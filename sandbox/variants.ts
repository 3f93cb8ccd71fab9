import type { CpsmsDlrCodeSet } from "../lib/sms/cpsms/dlr";
import type { CpsmsWireVariant } from "./cpsms/options";
import type { SmsappVersion } from "./smsapp/options";

/*
 * The provider behaviours nobody here can pin down, each selectable so the app and its clients are tested
 * against every one of them (see README "Variants").
 */

/** CPSMS response shapes: 2016 documentation, what current third-party clients parse, the pre-release draft. */
export const CPSMS_WIRE_VARIANTS = ["documented", "modern", "draft"] as const satisfies readonly CpsmsWireVariant[];
/** CPSMS delivery-report codes: 2016 documentation (1/2/3/4) or the newest public client (1/2/4/8). */
export const CPSMS_DLR_CODE_SETS = ["2016", "current"] as const satisfies readonly CpsmsDlrCodeSet[];
/** Ultimate SMS builds: 3.1 (source read; what smsapp.pk seems to run) and ≥3.7. */
export const SMSAPP_VERSIONS = ["3.1", "3.7"] as const satisfies readonly SmsappVersion[];

/** Every CPSMS combination the contract tests run against (the draft only changes send answers). */
export const CPSMS_CONTRACT_VARIANTS = (["documented", "modern"] as const).flatMap((wireVariant) =>
  CPSMS_DLR_CODE_SETS.map((codeSet) => ({ wireVariant, codeSet })),
);
