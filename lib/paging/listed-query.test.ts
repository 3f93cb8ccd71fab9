import { describe, expect, it } from "vitest";
import { campaignTableParsers, loadCampaignTableParams } from "@/lib/campaigns/campaign-table-params";
import { parseContactQuery } from "@/lib/contacts/contact-table-params";
import { listedQuery } from "./url-parsers";

describe("listedQuery: the URL state a page was listed with, for its page links", () => {
  it("keeps the filters and drops the keyset position", () => {
    const q = parseContactQuery({ q: "Hansen", consent: "granted", after: "abc", size: "25" });
    const params = new URLSearchParams(q.listedWith);
    expect(params.get("q")).toBe("Hansen");
    expect(params.get("consent")).toBe("granted");
    expect(params.get("size")).toBe("25");
    expect(params.has("after")).toBe(false);
    expect(params.has("before")).toBe(false);
  });

  it("leaves out defaults and anything malformed", () => {
    expect(listedQuery(campaignTableParsers, loadCampaignTableParams({ size: "50", before: "x" }))).toBe("");
    expect(listedQuery(campaignTableParsers, loadCampaignTableParams({ size: "7" }))).toBe("");
    expect(parseContactQuery({ group: "not-a-uuid", q: "a\u0000b" }).listedWith).toBe("?q=ab");
  });
});
