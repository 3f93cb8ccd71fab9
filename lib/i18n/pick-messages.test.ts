import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { pickMessages } from "./pick-messages";

describe("pickMessages", () => {
  it("keeps whole namespaces and parts of namespaces, in the catalogue's shape", () => {
    const picked = pickMessages(en, ["Common", "Compose.dateTime", "Campaigns.stored"]);
    expect(Object.keys(picked).sort()).toEqual(["Campaigns", "Common", "Compose"]);
    expect(picked.Common).toBe(en.Common);
    expect(picked.Compose).toEqual({ dateTime: en.Compose.dateTime });
    expect(picked.Campaigns).toEqual({ stored: en.Campaigns.stored });
  });

  it("a part under a picked namespace changes nothing, and the catalogue is left as it was", () => {
    const before = JSON.stringify(en);
    const picked = pickMessages(en, ["Compose.dateTime", "Compose", "Compose.dateTime"]);
    expect(picked).toEqual({ Compose: en.Compose });
    expect(JSON.stringify(en)).toBe(before);
  });

  it("skips paths the catalogue doesn't have", () => {
    expect(pickMessages(en, ["Nope", "Common.nope.deeper"])).toEqual({ Common: {} });
  });
});
