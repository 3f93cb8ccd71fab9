import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { campaignMessages, campaigns, trackedLinks } from "@/drizzle/schema";
import { publicBaseUrl } from "@/lib/consent/opt-out-link";
import { getDb } from "@/lib/db";
import { automation, evaluate, guest } from "@/tests/support/automations";

describe("automations' links", () => {
  it("always go out as each guest's own short link, written with the text", async () => {
    const birthday = automation("birthday", {
      daysBefore: 3,
      sendAt: "10:00",
      message: { da: "Hej {first_name}, se https://rose.example/fodselsdag.", en: "Hi {first_name}" },
      offer: { da: "Book på https://rose.example/book" },
    });
    const ida = await guest({ birthdayMonth: 6, birthdayDay: 20, language: "da" });
    const outcome = await evaluate(birthday, new Date("2033-06-17T08:01:00Z"), [ida.id]);
    expect(outcome.texted).toBe(1);
    const campaign = outcome.campaigns[0]!;
    const [stored] = await getDb().select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(stored!.trackLinks).toBe(true);
    const [text] = await getDb().select().from(campaignMessages).where(eq(campaignMessages.contactId, ida.id));
    const links = await getDb().select().from(trackedLinks).where(eq(trackedLinks.campaignId, campaign.id));
    expect(links.map((l) => l.url).sort()).toEqual(["https://rose.example/book", "https://rose.example/fodselsdag"]);
    expect(links.every((l) => l.contactId === ida.id && l.phone === ida.phone)).toBe(true);
    for (const l of links) expect(text!.body).toContain(`${publicBaseUrl()}/l/${l.code}`);
    expect(text!.body).not.toContain("rose.example");
  });
});
