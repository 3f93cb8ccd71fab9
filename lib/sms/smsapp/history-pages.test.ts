import { describe, expect, it } from "vitest";
import { toPage } from "@/lib/sms/smsapp/messages";
import { laravelPaginator } from "@/sandbox/smsapp/paginator";

describe("smsapp.pk pages as the provider reports them", () => {
  const all = Array.from({ length: 260 }, (_, i) => i);
  it("keeps totals, positions and the paginator's links", () => {
    const p = toPage(laravelPaginator(all, 6, "http://x/api/v3/sms"));
    expect(p).toMatchObject({ page: 6, lastPage: 11, perPage: 25, total: 260, from: 126, to: 150 });
    expect(p.links[0]).toEqual({ label: "« Previous", page: 5, active: false });
    expect(p.links.at(-1)).toEqual({ label: "Next »", page: 7, active: false });
    expect(p.links.find((l) => l.active)).toEqual({ label: "6", page: 6, active: true });
  });
  it("a page past the last is empty, with the totals still reported", () => {
    const p = toPage(laravelPaginator(all, 12, "http://x/api/v3/sms"));
    expect(p).toMatchObject({ items: [], page: 12, lastPage: 11, total: 260, from: null, hasNextPage: false });
  });
});
