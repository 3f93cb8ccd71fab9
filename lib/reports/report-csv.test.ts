import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { guest } from "@/tests/support/automations";
import { quickCampaign } from "@/tests/support/campaigns";
import { linkWithClicks, offer, offerCode, setStatuses } from "@/tests/support/reports";
import { REPORT_CSV_HEADER, reportCsvStream } from "./report-csv";

async function csvOf(campaignId: string) {
  const bytes = new Uint8Array(
    await new Response(reportCsvStream(getDb(), { kind: "campaign", campaignId }, "Europe/Copenhagen")).arrayBuffer(),
  );
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

describe("a report's CSV", () => {
  it("has one row per recipient: delivered, clicks (bots apart), first click, code, redemption and bill", async () => {
    const ida = await guest({ firstName: "Ida", lastName: "Holm" });
    const hostile = await guest({ firstName: '=HYPERLINK("http://x")', lastName: 'O"Brien, Jr' });
    const campaign = await quickCampaign("cpsms", [ida.phone, hostile.phone], {
      recipients: [
        { phone: ida.phone, contactId: ida.id, body: "Hi" },
        { phone: hostile.phone, contactId: hostile.id, body: "Hi" },
      ],
    });
    await setStatuses(campaign.id, { [ida.phone]: "delivered", [hostile.phone]: "undelivered" });
    await linkWithClicks(campaign.id, ida.phone, [
      { at: new Date("2030-01-05T09:00:00Z"), bot: true },
      { at: new Date("2030-01-05T10:15:00Z") },
      { at: new Date("2030-01-05T11:00:00Z") },
    ]);
    const o = await offer();
    const code = await offerCode(o.id, campaign.id, ida.phone, {
      at: new Date("2030-01-06T18:30:00Z"),
      billMinor: 24_950,
      currency: "DKK",
    });

    const { text, rows } = await csvOf(campaign.id);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    expect(rows[0]).toEqual(REPORT_CSV_HEADER);
    expect(rows).toHaveLength(3);
    const [first, second] = [rows[1]!, rows[2]!];
    const at = (name: string, row: string[]) => row[REPORT_CSV_HEADER.indexOf(name)];
    expect(at("Phone", first)).toBe(ida.phone); // a phone number stays a number, no apostrophe
    expect(at("Name", first)).toBe("Ida Holm");
    expect(at("Delivered", first)).toBe("yes");
    expect(at("Clicked", first)).toBe("yes");
    expect(at("Clicks", first)).toBe("2");
    expect(at("Bot requests", first)).toBe("1");
    expect(at("First click", first)).toBe("2030-01-05 11:15:00"); // the human one, in Copenhagen time
    expect(at("Offer code", first)).toBe(code);
    expect(at("Redeemed at", first)).toBe("2030-01-06 19:30:00");
    expect(at("Bill", first)).toBe("249.50");
    expect(at("Currency", first)).toBe("DKK");
    // Quotes and commas survive; a cell a spreadsheet would run as a formula is made text.
    expect(at("Name", second)).toBe(`'=HYPERLINK("http://x") O"Brien, Jr`);
    expect(at("Delivered", second)).toBe("no");
    expect(at("Clicked", second)).toBe("no");
    expect(at("Offer code", second)).toBe("");
    expect(at("Bill", second)).toBe("");
  });
});
