/**
 * `npm run sandbox`: both provider emulators on their fixed loopback ports, for development against the app or
 * any other client. `npm start` runs them itself when no provider credentials are set; this is for using them
 * alone. `npm run sandbox -- --help` lists the provider variants it can emulate.
 */
import { env } from "@/lib/env";
import { runMain } from "@/lib/runtime/run-main";
import { StartupError } from "@/lib/runtime/startup-error";
import { startSandboxes } from "@/sandbox";
import {
  describeVariants,
  parseSandboxArgs,
  SANDBOX_HELP,
  SandboxUsageError,
  variantsFromEnv,
  withCpsmsVariants,
  withSmsappVariants,
} from "@/sandbox/cli";

runMain(async (onShutdown) => {
  const args = readArgs(process.argv.slice(2));
  if (args.help) {
    console.log(SANDBOX_HELP);
    return;
  }
  const config = env();
  const variants = { ...variantsFromEnv(config), ...args.chosen };
  const delivery = { delayMs: config.SANDBOX_DELIVERY_DELAY_MS };
  const { cpsms, smsapp, stop } = await startSandboxes({
    cpsms: withCpsmsVariants(
      {
        port: config.CPSMS_SANDBOX_PORT,
        username: config.CPSMS_SANDBOX_USERNAME,
        apiKey: config.CPSMS_SANDBOX_API_KEY,
        dlr: delivery,
      },
      variants,
    ),
    smsapp: withSmsappVariants(
      { port: config.SMSAPP_SANDBOX_PORT, apiToken: config.SMSAPP_SANDBOX_TOKEN, delivery },
      variants,
    ),
  });
  onShutdown(stop, "sandboxes");
  const origin = (url: string) => new URL(url).origin;
  console.log(
    `CPSMS sandbox      ${cpsms.url}    Basic auth ${config.CPSMS_SANDBOX_USERNAME} / ${config.CPSMS_SANDBOX_API_KEY}`,
  );
  console.log(`smsapp.pk sandbox  ${smsapp.url}  Bearer ${config.SMSAPP_SANDBOX_TOKEN}`);
  console.log(`Emulating          ${describeVariants(variants)}  (npm run sandbox -- --help for the others)`);
  console.log(
    `Handsets and controls: ${origin(cpsms.url)}/_sandbox/handsets, ${origin(smsapp.url)}/_sandbox/handsets  (Ctrl-C to stop)`,
  );
});

function readArgs(args: string[]) {
  try {
    return parseSandboxArgs(args);
  } catch (err) {
    if (err instanceof SandboxUsageError)
      throw new StartupError(err.message, "Run npm run sandbox -- --help for the options.");
    throw err;
  }
}
