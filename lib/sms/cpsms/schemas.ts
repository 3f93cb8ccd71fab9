import { z } from "zod";
import { parseDanishNumber } from "./danish-number";

/** Numbers arrive as JSON numbers or strings ("1", "1,6", "9.843,40") depending on doc version. */
const looseNumber = z.union([z.number(), z.string()]).transform((v) => parseDanishNumber(v));
const phone = z.union([z.string(), z.number()]).transform(String);
const finiteOrNull = (v: number | null | undefined) => (v !== undefined && v !== null && Number.isFinite(v) ? v : null);
const positiveId = z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number);

/** Accepted recipient: flat `{to,cost,smsAmount}` (current) or `{to,price,countryCode}` (2016 draft). */
export const sendSuccessEntrySchema = z.object({
  to: phone,
  cost: looseNumber.optional(),
  price: looseNumber.optional(),
  smsAmount: looseNumber.optional(),
});

/** Refused recipient: `errorCode/errMsg` (2016 doc) or `code/message` (current clients). */
export const recipientErrorSchema = z.object({
  to: phone,
  errorCode: z.union([z.number(), z.string()]).optional(),
  errMsg: z.string().optional(),
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
});

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([z.array(z.union([item, z.array(item)])), item]).transform((v) => (Array.isArray(v) ? v.flat() : [v]));

/** `/send`, `/sendgroup`, `/simplesend` on 200, 207, and the all-recipients-failed 400. */
export const sendResponseSchema = z.object({
  success: oneOrMany(sendSuccessEntrySchema).optional(),
  error: oneOrMany(recipientErrorSchema).optional(),
});
export type SendResponse = z.output<typeof sendResponseSchema>;

/** Whole-request error (undocumented; clients assume `{error:{code,message}}`). Read defensively. */
export const requestErrorSchema = z.object({
  error: z.union([
    z.string(),
    z.object({
      code: z.union([z.number(), z.string()]).optional(),
      message: z.string().optional(),
      errorCode: z.union([z.number(), z.string()]).optional(),
      errMsg: z.string().optional(),
      to: z.unknown().optional(),
    }),
  ]),
});

export const creditResponseSchema = z
  .object({ credit: looseNumber.refine((n) => Number.isFinite(n)) })
  .transform((v) => v.credit);
export const creditRawSchema = z.object({ credit: z.union([z.string(), z.number()]).transform(String) });

/** Plain confirmations: `{"Success":"..."}` (2016) or `{"success":"..."}` (newer). */
export const confirmationSchema = z
  .union([z.object({ Success: z.string() }), z.object({ success: z.string() })])
  .transform((v) => ("Success" in v ? v.Success : v.success));

export const groupSchema = z.object({ groupId: positiveId, groupName: z.string() });
export type CpsmsGroup = z.output<typeof groupSchema>;

/** `/addgroup`: bare (2016, groupId as string) or wrapped in `success` (newer). */
export const addGroupResponseSchema = z
  .union([groupSchema, z.object({ success: groupSchema })])
  .transform((v) => ("success" in v ? v.success : v));

export const listGroupsResponseSchema = z.array(groupSchema);

/** `/listgroupmembership`: `{success:[...]}` or a single object, per third-party code. */
export const groupMembershipResponseSchema = z
  .union([z.object({ success: z.union([z.array(groupSchema), groupSchema]) }), z.array(groupSchema), groupSchema])
  .transform((v) => {
    const inner = !Array.isArray(v) && "success" in v ? v.success : v;
    return Array.isArray(inner) ? inner : [inner];
  });

export const contactSchema = z.object({
  phoneNumber: phone,
  contactName: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  timeAdded: z
    .union([z.number(), z.string().regex(/^\d+$/)])
    .transform(Number)
    .optional(),
});
export const listContactsResponseSchema = z.array(contactSchema);

export const logRowSchema = z.object({
  to: phone,
  from: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  pointPrice: looseNumber.nullable().optional().transform(finiteOrNull),
  smsAmount: looseNumber.nullable().optional().transform(finiteOrNull),
  userReference: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  dlrStatus: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number),
  dlrStatusText: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v ?? ""),
  timeSent: z.union([z.number(), z.string().regex(/^\d+$/)]).transform(Number),
});
export const getLogResponseSchema = z.array(logRowSchema);
export type CpsmsRawLogRow = z.output<typeof logRowSchema>;
