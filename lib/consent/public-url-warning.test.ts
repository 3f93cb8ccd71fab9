import { describe, expect, it } from "vitest";
import { localizeMessage } from "@/lib/i18n/localize-message";
import { publicUrlProblem } from "./public-url-warning";

const link = "http://localhost:3000/o/…";

/** The warning as an English reader sees it. */
async function english(problem: ReturnType<typeof publicUrlProblem>) {
  return problem && (await localizeMessage(problem.key, problem.values, "en"));
}

describe("public URL warning", () => {
  it("stays quiet in the sandbox: no real guest gets a link", () => {
    expect(publicUrlProblem(undefined, [], link)).toBeNull();
  });

  it("warns with real providers until PUBLIC_URL is an https address", async () => {
    expect(await english(publicUrlProblem(undefined, ["cpsms"], link))).toMatch(
      /CPSMS\.dk.*PUBLIC_URL is not set.*http:\/\/localhost:3000\/o\/….*no guest can open/,
    );
    expect(await english(publicUrlProblem("http://sms.cafe.dk", ["cpsms", "smsapp"], link))).toMatch(
      /CPSMS\.dk and smsapp\.pk.*PUBLIC_URL is http:\/\/sms\.cafe\.dk, not an https address/,
    );
    expect(publicUrlProblem("https://sms.cafe.dk", ["smsapp"], link)).toBeNull();
  });
});
