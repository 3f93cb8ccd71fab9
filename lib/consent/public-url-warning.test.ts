import { describe, expect, it } from "vitest";
import { publicUrlProblem } from "./public-url-warning";

const link = "http://localhost:3000/o/…";

describe("public URL warning", () => {
  it("stays quiet in the sandbox: no real guest gets a link", () => {
    expect(publicUrlProblem(undefined, [], link)).toBeNull();
  });

  it("warns with real providers until PUBLIC_URL is an https address", () => {
    expect(publicUrlProblem(undefined, ["cpsms"], link)).toMatch(
      /CPSMS\.dk.*PUBLIC_URL is not set.*http:\/\/localhost:3000\/o\/….*no guest can open/,
    );
    expect(publicUrlProblem("http://sms.cafe.dk", ["cpsms", "smsapp"], link)).toMatch(
      /CPSMS\.dk and smsapp\.pk.*PUBLIC_URL is http:\/\/sms\.cafe\.dk, not an https address/,
    );
    expect(publicUrlProblem("https://sms.cafe.dk", ["smsapp"], link)).toBeNull();
  });
});
