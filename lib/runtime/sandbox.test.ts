import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "@/lib/env";
import { createCpsmsClient } from "@/lib/sms/cpsms/client";
import { type CallbackReceiver, findClosedPort, startCallbackReceiver } from "@/sandbox/testing/callback-receiver";
import { startSandboxesIfNeeded } from "./sandbox";

let receiver: CallbackReceiver;
const stops: Array<() => Promise<unknown>> = [];
const lines: string[] = [];
const ports = { cpsms: 0, smsapp: 0 };

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  ports.cpsms = await findClosedPort();
  ports.smsapp = await findClosedPort();
  setRuntimeEnv({
    CPSMS_SANDBOX_PORT: String(ports.cpsms),
    SMSAPP_SANDBOX_PORT: String(ports.smsapp),
    CPSMS_SANDBOX_SHAPES: "modern",
    CPSMS_SANDBOX_DLR_CODES: "2016",
    SMSAPP_SANDBOX_VERSION: "3.7",
    SANDBOX_DELIVERY_DELAY_MS: "0",
  });
  await startSandboxesIfNeeded(
    (hook) => void stops.push(hook),
    (line) => void lines.push(line),
  );
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await receiver.stop();
});

describe("the sandbox npm start runs", () => {
  it("emulates the variants the environment chose, delivery-report codes included", async () => {
    const control = (port: number, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}/_sandbox${path}`, {
        method: body === undefined ? "GET" : "POST",
        body: JSON.stringify(body),
      }).then((r) => r.json());
    expect(await control(ports.cpsms, "")).toMatchObject({ variant: { shapes: "modern", dlrCodes: "2016" } });
    expect(await control(ports.smsapp, "")).toMatchObject({ variant: { version: "3.7" } });
    expect(lines.join("\n")).toMatch(
      /CPSMS sandbox at .* \(modern shapes, 2016 DLR codes\)\nsmsapp\.pk sandbox at .* \(Ultimate SMS 3\.7\)/,
    );

    await control(ports.cpsms, "/outcomes", { number: "4520202020", outcome: "buffered" });
    const cpsms = createCpsmsClient({
      baseUrl: `http://127.0.0.1:${ports.cpsms}/v2`,
      username: "sandbox",
      apiKey: "sandbox-cpsms-api-key",
    });
    await cpsms.send({ to: "4520202020", text: "Hej", dlrUrl: `${receiver.url}/dlr` });
    const reports = await receiver.waitFor(2, 5000);
    expect(reports.map((r) => r.query.status)).toEqual(["3", "1"]); // 2016: 3 = buffered, then 1 = delivered
  });
});
