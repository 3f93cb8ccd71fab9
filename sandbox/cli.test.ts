import { describe, expect, it } from "vitest";
import { parseEnv } from "../lib/env";
import { parseSandboxArgs, SANDBOX_HELP, SandboxUsageError, type SandboxVariants, variantsFromEnv } from "./cli";
import { findClosedPort } from "./testing/callback-receiver";
import { startSandboxProcess } from "./testing/sandbox-process";

/** The exit code of a sandbox process expected to stop by itself (killed after a few seconds if it does not). */
async function exitCode(sandbox: ReturnType<typeof startSandboxProcess>): Promise<number | null> {
  const timer = setTimeout(() => void sandbox.stop(), 8000);
  const code = await new Promise<number | null>((resolve) => sandbox.child.once("exit", resolve));
  clearTimeout(timer);
  return code;
}

const DEFAULTS: SandboxVariants = { cpsmsShapes: "documented", cpsmsDlrCodes: "current", smsappVersion: "3.1" };

describe("npm run sandbox options", () => {
  it("takes each variant from a flag", () => {
    expect(parseSandboxArgs([])).toEqual({ help: false, chosen: {} });
    expect(parseSandboxArgs(["--cpsms-shapes=modern", "--cpsms-dlr-codes", "2016", "--smsapp-version", "3.7"])).toEqual(
      {
        help: false,
        chosen: { cpsmsShapes: "modern", cpsmsDlrCodes: "2016", smsappVersion: "3.7" },
      },
    );
    expect(parseSandboxArgs(["--cpsms-shapes", "draft"])).toEqual({ help: false, chosen: { cpsmsShapes: "draft" } });
  });

  it("refuses unknown flags and values, naming what it accepts", () => {
    expect(() => parseSandboxArgs(["--cpsms-dlr-codes", "1248"])).toThrow(
      new SandboxUsageError('--cpsms-dlr-codes must be one of 2016, current (got "1248")'),
    );
    expect(() => parseSandboxArgs(["--smsapp-version=4"])).toThrow(/--smsapp-version must be one of 3\.1, 3\.7/);
    expect(() => parseSandboxArgs(["--verbose"])).toThrow(SandboxUsageError);
    expect(() => parseSandboxArgs(["modern"])).toThrow(SandboxUsageError);
  });

  it("has a --help naming every flag and its environment variable", () => {
    expect(parseSandboxArgs(["--help"])).toEqual({ help: true });
    expect(parseSandboxArgs(["-h", "--smsapp-version=3.7"])).toEqual({ help: true });
    for (const word of [
      "--cpsms-shapes",
      "CPSMS_SANDBOX_SHAPES",
      "--cpsms-dlr-codes",
      "CPSMS_SANDBOX_DLR_CODES",
      "--smsapp-version",
      "SMSAPP_SANDBOX_VERSION",
    ]) {
      expect(SANDBOX_HELP).toContain(word);
    }
  });

  it("reads the environment variables (the same ones npm start's built-in sandbox uses)", () => {
    expect(variantsFromEnv(parseEnv({}))).toEqual(DEFAULTS);
    const chosen = parseEnv({
      CPSMS_SANDBOX_SHAPES: "modern",
      CPSMS_SANDBOX_DLR_CODES: "2016",
      SMSAPP_SANDBOX_VERSION: "3.7",
    });
    expect(variantsFromEnv(chosen)).toEqual({ cpsmsShapes: "modern", cpsmsDlrCodes: "2016", smsappVersion: "3.7" });
    expect(() => parseEnv({ CPSMS_SANDBOX_DLR_CODES: "2025" })).toThrow(
      /CPSMS_SANDBOX_DLR_CODES must be one of 2016, current/,
    );
  });
});

describe("npm run sandbox", () => {
  it("starts the emulators with the variants chosen by flags and environment, and says which", async () => {
    const ports = { cpsms: await findClosedPort(), smsapp: await findClosedPort() };
    const sandbox = startSandboxProcess(ports, {
      args: ["--cpsms-dlr-codes", "2016", "--smsapp-version=3.7"],
      env: { CPSMS_SANDBOX_SHAPES: "modern" },
    });
    try {
      await sandbox.ready();
      const summary = async (port: number) =>
        (await (await fetch(`http://127.0.0.1:${port}/_sandbox`)).json()) as { variant: unknown };
      expect((await summary(ports.cpsms)).variant).toEqual({ shapes: "modern", dlrCodes: "2016" });
      expect((await summary(ports.smsapp)).variant).toEqual({ version: "3.7" });
      expect(sandbox.output()).toContain("CPSMS modern shapes, 2016 DLR codes; smsapp.pk 3.7");
    } finally {
      await sandbox.stop();
    }
  });

  it("prints --help and exits without starting anything", async () => {
    const ports = { cpsms: await findClosedPort(), smsapp: await findClosedPort() };
    const sandbox = startSandboxProcess(ports, { args: ["--help"] });
    expect(await exitCode(sandbox)).toBe(0);
    expect(sandbox.output()).toContain("--cpsms-dlr-codes <current|2016>");
  });

  it("refuses a bad flag in a plain sentence", async () => {
    const ports = { cpsms: await findClosedPort(), smsapp: await findClosedPort() };
    const sandbox = startSandboxProcess(ports, { args: ["--smsapp-version", "9"] });
    expect(await exitCode(sandbox)).toBe(1);
    expect(sandbox.output()).toMatch(
      /Cannot start: --smsapp-version must be one of 3\.1, 3\.7 \(got "9"\)\n\s+Run npm run sandbox -- --help/,
    );
  });
});
