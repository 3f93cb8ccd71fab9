import { describe, expect, it } from "vitest";
import { suppressions } from "@/drizzle/schema";
import { hashPhone } from "@/lib/consent/phone-hash";
import { getDb } from "@/lib/db";
import { automation, evaluate, guest, restaurant } from "@/tests/support/automations";
import { previewAutomation } from "./preview-automation";

describe("the 7-day preview", () => {
  it("counts who would be texted and why the others are left out, by the evaluation's own rule", async () => {
    const birthday = automation("birthday", { daysBefore: 0, sendAt: "12:00" });
    const now = new Date("2031-04-10T08:00:00Z");
    const day = { birthdayMonth: 4, birthdayDay: 12 };
    const yes = await guest({ ...day, firstName: "Yes" });
    const none = await guest({ ...day, consentState: "none" });
    const out = await guest(day);
    await getDb()
      .insert(suppressions)
      .values({ phoneHash: hashPhone(out.phone), source: "staff" });
    const done = await guest({ birthdayMonth: 4, birthdayDay: 10 });
    const later = await guest({ birthdayMonth: 5, birthdayDay: 1 });
    const scope = [yes.id, none.id, out.id, done.id, later.id];
    // `done`'s birthday (today at 12:00) was texted at noon; the preview is run in the morning before it.
    await evaluate(birthday, new Date("2031-04-10T10:30:00Z"), [done.id]);

    const preview = await previewAutomation(getDb(), birthday, restaurant, now, scope);
    expect(preview.texted).toBe(1);
    expect(preview.sample.map((s) => s.name)).toEqual(["Yes"]);
    expect(preview.sample[0]?.dueAt.toISOString()).toBe("2031-04-12T10:00:00.000Z");
    expect(preview.leftOut).toMatchObject({
      noConsent: 1,
      suppressed: 1,
      alreadyTexted: 1,
      holdout: 0,
      frequencyCap: 0,
    });

    // Everyone in the control group at 50%: counted as held, not texted, and the same guests each time.
    const half = { ...birthday, holdoutPercent: 50 };
    const a = await previewAutomation(getDb(), half, restaurant, now, scope);
    const b = await previewAutomation(getDb(), half, restaurant, now, scope);
    expect(a).toEqual(b);
    expect(a.texted + a.leftOut.holdout).toBe(1);
  });
});
