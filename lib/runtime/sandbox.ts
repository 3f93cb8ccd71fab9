import "server-only";
import { env } from "@/lib/env";
import { startCpsmsSandbox, startSmsappSandbox } from "@/sandbox";
import { variantsFromEnv, withCpsmsVariants, withSmsappVariants } from "@/sandbox/cli";
import { assertPortFree } from "./port";
import type { OnShutdown } from "./run-main";
import { StartupError } from "./startup-error";

type Provider = "cpsms" | "smsapp";
const LABEL: Record<Provider, string> = { cpsms: "CPSMS", smsapp: "smsapp.pk" };
const PORT_VARIABLE: Record<Provider, string> = { cpsms: "CPSMS_SANDBOX_PORT", smsapp: "SMSAPP_SANDBOX_PORT" };

/**
 * Starts the built-in emulator of every provider that has no credentials in the environment: with no
 * credentials saved either, the app sends there. (Saved credentials can be removed while the app runs, so the
 * sandbox is started for them too.) Another instance's sandbox already on the port is shared, not fought over.
 */
export async function startSandboxesIfNeeded(onShutdown: OnShutdown, log: (line: string) => void) {
  const config = env();
  const wanted: Provider[] = [];
  if (!(config.CPSMS_USERNAME && config.CPSMS_API_KEY)) wanted.push("cpsms");
  if (!config.SMSAPP_API_TOKEN) wanted.push("smsapp");

  for (const provider of wanted) {
    const port = provider === "cpsms" ? config.CPSMS_SANDBOX_PORT : config.SMSAPP_SANDBOX_PORT;
    const free = await assertPortFree(port, "127.0.0.1").then(
      () => true,
      () => false,
    );
    if (!free) {
      if (await isOurSandbox(port, provider)) {
        log(`${LABEL[provider]} sandbox: sharing the one already running on port ${port}.`);
        continue;
      }
      throw new StartupError(
        `${PORT_VARIABLE[provider]} ${port} is already in use, so the ${LABEL[provider]} sandbox can't start.`,
        `Set ${PORT_VARIABLE[provider]} to a free port.`,
      );
    }
    const delivery = { delayMs: config.SANDBOX_DELIVERY_DELAY_MS };
    // CPSMS_SANDBOX_SHAPES, CPSMS_SANDBOX_DLR_CODES, SMSAPP_SANDBOX_VERSION: which provider behaviour to emulate.
    const variants = variantsFromEnv(config);
    const sandbox =
      provider === "cpsms"
        ? await startCpsmsSandbox(
            withCpsmsVariants(
              { port, username: config.CPSMS_SANDBOX_USERNAME, apiKey: config.CPSMS_SANDBOX_API_KEY, dlr: delivery },
              variants,
            ),
          )
        : await startSmsappSandbox(
            withSmsappVariants({ port, apiToken: config.SMSAPP_SANDBOX_TOKEN, delivery }, variants),
          );
    onShutdown(() => sandbox.stop(), `${LABEL[provider]} sandbox`);
    const emulating =
      provider === "cpsms"
        ? `${variants.cpsmsShapes} shapes, ${variants.cpsmsDlrCodes} DLR codes`
        : `Ultimate SMS ${variants.smsappVersion}`;
    log(`${LABEL[provider]} sandbox at ${sandbox.url} (${emulating})`);
  }
}

async function isOurSandbox(port: number, provider: Provider): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/_sandbox`, { signal: AbortSignal.timeout(2000) });
    const body = (await res.json()) as { provider?: string };
    return body.provider === provider;
  } catch {
    return false;
  }
}
