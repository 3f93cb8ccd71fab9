import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("groupCommit", () => {
  it("writes a lone item at once, and what arrives meanwhile as the next batch", async () => {
    const batches: number[][] = [];
    const submit = groupCommit<number, number>({
      maxBatch: 3,
      keyOf: String,
      write: async (items) => {
        batches.push(items);
        await tick();
        return items.map((i) => i * 10);
      },
    });
    const first = submit(1);
    const rest = [2, 3, 4, 5].map(submit);
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("never puts two items with one key in a batch, keeping their order", async () => {
    const batches: string[][] = [];
    const submit = groupCommit<string, string>({
      maxBatch: 10,
      keyOf: (s) => s.split(":")[0]!,
      write: async (items) => {
        batches.push(items);
        await tick();
        return items;
      },
    });
    await Promise.all(["a:1", "a:2", "b:1", "a:3", "c:1"].map(submit));
    expect(batches).toEqual([["a:1"], ["a:2", "b:1", "c:1"], ["a:3"]]);
  });

  it("fails every item of a failed batch, and goes on with the next", async () => {
    let calls = 0;
    const submit = groupCommit<number, number>({
      maxBatch: 2,
      keyOf: String,
      write: async (items) => {
        calls++;
        await tick();
        if (calls === 2) throw new Error("database down");
        return items;
      },
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map(submit));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
  });
});
