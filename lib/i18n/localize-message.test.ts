import { describe, expect, it } from "vitest";
import { senderProblemMessage } from "@/lib/providers/sender-rules";
import { localizeMessage } from "./localize-message";
import { withValues } from "./packed-message";

describe("localizeMessage", () => {
  it("reads a key with packed values, in either language", async () => {
    const message = withValues("Providers.senderProblems.tooLong", { length: 12 });
    expect(await localizeMessage(message, undefined, "en")).toBe(
      "Sender names can have at most 11 characters (this one has 12).",
    );
    expect(await localizeMessage(message, undefined, "da")).toBe(
      "Afsendernavne kan højst have 11 tegn (dette har 12).",
    );
  });
  it("reads a packed value inside another message", async () => {
    const problem = senderProblemMessage("cpsms", "AB");
    expect(problem).not.toBeNull();
    expect(await localizeMessage("Providers.senderProblems.empty", undefined, "da")).toBe("Skriv et afsendernavn.");
    expect(await localizeMessage(problem as string, undefined, "en")).toBe(
      "CPSMS needs a sender name of at least 3 characters.",
    );
    expect(
      await localizeMessage(
        "Compose.errors.senderRefused",
        { sender: "AB", provider: "CPSMS", problem: problem! },
        "en",
      ),
    ).toBe('Sender "AB" can\'t be used with CPSMS: CPSMS needs a sender name of at least 3 characters.');
  });
  it("passes text that is not a key through", async () => {
    expect(await localizeMessage("Something went wrong ¦ {}", undefined, "en")).toBe("Something went wrong ¦ {}");
    expect(await localizeMessage("Nope.missing", undefined, "en")).toBe("Nope.missing");
  });
});

describe("a message inside a message", () => {
  it("translates a bare key given as a value, as it does a packed one", async () => {
    const text = await localizeMessage(
      "Compose.errors.senderRefused",
      { sender: "Danske Bank", provider: "CPSMS.dk", problem: "Providers.senderProblems.spaces" },
      "en",
    );
    expect(text).toMatch(/^Sender "Danske Bank" can't be used with CPSMS\.dk: .*can't contain spaces/);
    const danish = await localizeMessage(
      "Compose.errors.senderRefused",
      { sender: "Danske Bank", provider: "CPSMS.dk", problem: "Providers.senderProblems.spaces" },
      "da",
    );
    expect(danish).not.toContain("Providers.senderProblems");
  });
});
