import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { staffPhones, users } from "@/drizzle/schema";
import { isSuppressed } from "@/lib/consent/suppression";
import { formatPhone } from "@/lib/contacts/phone";
import type { Database } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TestRecipientChoice } from "@/lib/validation/test-sends";

export type TestRecipient = {
  /** What the form sends back: "own" or the staff phone's id. */
  value: TestRecipientChoice;
  kind: "own" | "staff";
  label: string;
  /** E.164 */
  phone: string;
};

/** The phones this user may send a test to: their own verified phone first, then the staff phones. */
export async function listTestRecipients(db: Database, userId: string): Promise<TestRecipient[]> {
  const [own] = await db
    .select({ phone: users.phone })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.phone), isNotNull(users.phoneVerifiedAt)));
  const staff = await db.select().from(staffPhones).orderBy(asc(staffPhones.name), asc(staffPhones.phone));
  return [
    ...(own?.phone
      ? [
          {
            value: "own" as const,
            kind: "own" as const,
            label: `Your phone (${formatPhone(own.phone)})`,
            phone: own.phone,
          },
        ]
      : []),
    ...staff.map((s) => ({
      value: s.id,
      kind: "staff" as const,
      label: `${s.name} (${formatPhone(s.phone)})`,
      phone: s.phone,
    })),
  ];
}

/**
 * The number a test may go to for this choice, or a refusal: the user's own phone only once verified, a staff
 * phone only while it is on the list, and never a number on the suppression list (opted out or erased), even
 * a staff phone: someone who said stop gets no more texts from us.
 */
export async function resolveTestRecipient(
  db: Database,
  userId: string,
  choice: TestRecipientChoice,
): Promise<TestRecipient> {
  let recipient: TestRecipient;
  if (choice === "own") {
    const [row] = await db
      .select({ phone: users.phone, verifiedAt: users.phoneVerifiedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!row?.phone || !row.verifiedAt) {
      throw new AppError("INVALID_INPUT", "Providers.testSends.errors.ownNotVerified");
    }
    recipient = { value: "own", kind: "own", label: "Your phone", phone: row.phone };
  } else {
    const [row] = await db.select().from(staffPhones).where(eq(staffPhones.id, choice));
    if (!row) throw new AppError("NOT_FOUND", "Providers.testSends.errors.staffPhoneGone");
    recipient = { value: row.id, kind: "staff", label: row.name, phone: row.phone };
  }
  if (await isSuppressed(db, recipient.phone)) {
    throw new AppError("CONFLICT", "Providers.testSends.errors.recipientSuppressed", {
      phone: formatPhone(recipient.phone),
    });
  }
  return recipient;
}
