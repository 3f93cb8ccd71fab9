import { createTranslator } from "use-intl/core";
import da from "@/messages/da";
import en from "@/messages/en";

/**
 * What the launcher prints, in the language of the machine's locale (LC_ALL, LC_MESSAGES, LANG, as command-line
 * tools do): Danish for "da_DK.UTF-8", English otherwise. There is no restaurant setting yet at first run.
 */
export function consoleTranslator(environment: Record<string, string | undefined> = process.env) {
  const tag = environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || "";
  const danish = /^da([_-]|$)/i.test(tag);
  return createTranslator({ locale: danish ? "da-DK" : "en-GB", messages: danish ? da : en });
}
