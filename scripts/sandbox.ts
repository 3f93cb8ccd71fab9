/**
 * `npm run sandbox`: both provider emulators on their fixed loopback ports, for development against the app or
 * any other client. `npm start` runs them itself when no provider credentials are set; this is for using them alone.
 */
import { env } from "@/lib/env";
import { runMain } from "@/lib/runtime/run-main";
import { startSandboxes } from "@/sandbox";

runMain(async (onShutdown) => {
  const config = env();
  const delivery = { delayMs: config.SANDBOX_DELIVERY_DELAY_MS };
  const { cpsms, smsapp, stop } = await startSandboxes({
    cpsms: { port: config.CPSMS_SANDBOX_PORT, username: config.CPSMS_SANDBOX_USERNAME, apiKey: config.CPSMS_SANDBOX_API_KEY, dlr: delivery },
    smsapp: { port: config.SMSAPP_SANDBOX_PORT, apiToken: config.SMSAPP_SANDBOX_TOKEN, delivery },
  });
  onShutdown(stop, "sandboxes");
  const origin = (url: string) => new URL(url).origin;
  console.log(`CPSMS sandbox      ${cpsms.url}    Basic auth ${config.CPSMS_SANDBOX_USERNAME} / ${config.CPSMS_SANDBOX_API_KEY}`);
  console.log(`smsapp.pk sandbox  ${smsapp.url}  Bearer ${config.SMSAPP_SANDBOX_TOKEN}`);
  console.log(`Handsets and controls: ${origin(cpsms.url)}/_sandbox/handsets, ${origin(smsapp.url)}/_sandbox/handsets  (Ctrl-C to stop)`);
});
