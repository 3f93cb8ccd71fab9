// Shared by the automations tests (lib/automations/*.test.ts).
import { type Automation, type AutomationKind, contacts, visits } from "@/drizzle/schema";
import { defaultAutomation } from "@/lib/automations/automation-settings";
import { type EvaluationOutcome, evaluateAutomation } from "@/lib/automations/evaluate-automation";
import { DEFAULT_ROUTES } from "@/lib/campaigns/route-provider";
import { newOptOutToken } from "@/lib/consent/opt-out-link";
import { type Database, getDb } from "@/lib/db";
import { DEFAULT_RESTAURANT_SETTINGS, type RestaurantProfile } from "@/lib/settings/restaurant-settings";
import { uniqueDkPhone } from "@/tests/support/contacts";

/** Quiet hours off (start = end) unless a test sets them: the evaluation's own logic is what is tested. */
export const restaurant: RestaurantProfile = {
  ...DEFAULT_RESTAURANT_SETTINGS,
  quietHoursStart: "00:00",
  quietHoursEnd: "00:00",
  routes: DEFAULT_ROUTES,
};

/** An automation that is on, with a Danish and an English text; never saved (the table's rows stay off). */
export function automation(kind: AutomationKind, values: Partial<Automation> = {}): Automation {
  return {
    ...defaultAutomation(kind),
    enabled: true,
    message: { da: "Hej {first_name}", en: "Hi {first_name}" },
    offer: { da: "10% rabat" },
    ...values,
  };
}

/** A guest who consented (unless told otherwise). */
export async function guest(values: Partial<typeof contacts.$inferInsert> = {}) {
  // Test files share the database: a number another file took meanwhile is simply drawn again.
  for (;;) {
    const [row] = await getDb()
      .insert(contacts)
      .values({
        phone: uniqueDkPhone(),
        firstName: "Ida",
        optOutToken: newOptOutToken(),
        consentState: "granted",
        consentChangedAt: new Date("2020-01-01T00:00:00Z"),
        ...values,
      })
      .onConflictDoNothing({ target: contacts.phone })
      .returning();
    if (row) return row;
    if (values.phone) throw new Error(`a guest with ${values.phone} already exists`);
  }
}

/** Visits for a guest at the given times. */
export async function visit(contactId: string, ...times: Date[]) {
  return getDb()
    .insert(visits)
    .values(times.map((visitedAt) => ({ contactId, visitedAt, source: "staff" as const })))
    .returning();
}

/** One evaluation in its own transaction, limited to `scope` (the shared test database holds other files' guests). */
export function evaluate(
  a: Automation,
  now: Date,
  scope: readonly string[],
  profile: RestaurantProfile = restaurant,
): Promise<EvaluationOutcome> {
  return getDb().transaction((tx) => evaluateAutomation(tx as unknown as Database, a, profile, now, { scope }));
}
