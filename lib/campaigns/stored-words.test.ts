import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { formats } from "@/i18n/formats";
import { capReason } from "@/lib/marketing/frequency-cap";
import da from "@/messages/da";
import en from "@/messages/en";
import { withdrawalReason } from "./stop-withdrawn";
import { storedText } from "./stored-words";

function tools(locale: "en-GB" | "da-DK", messages: typeof en) {
  const t = createTranslator({ locale, messages });
  const format = createFormatter({ locale, formats, timeZone: "Europe/Copenhagen" });
  // biome-ignore lint/suspicious/noExplicitAny: core's translator and formatter are next-intl's hooks' types.
  return { t: t as any, format: format as any };
}

const STORED = [
  "Paused by staff.",
  "Moving to a new time…",
  "Not sent: the campaign was cancelled.",
  "Not sent: the number is on the suppression list (the guest opted out or was erased).",
  "Not sent: too late",
  "Not sent: it was 75 minutes late, past the 60-minute limit.",
  withdrawalReason("opt_out_link"),
  withdrawalReason("somewhere"),
  "Not sent: the guest opted out by their link.",
  "Not sent: the guest's data was erased. Deleted at CPSMS before it went out.",
  "Not sent: consent withdrawn. Deleted at CPSMS before it went out.",
  "Marked as opted out by an import: deleted at CPSMS.",
  "CPSMS deletes whole requests: handed to CPSMS again for the same time, without the guest who opted out.",
  "Provider answer unclear (no answer); checking before any resend.",
  "Provider answer unclear (HTTP 502); checking before any resend.",
  "Stopped on Fri 27 Nov, 16:30: the manager who set it up can no longer send. Set it up again.",
  "Not sent on Fri 27 Nov, 16:30: more than 60 minutes late (the app was not running).",
  "Sent on Fri 27 Nov, 16:30 to 1 guest.",
  "Sent on Fri 27 Nov, 16:30 to 1,234 guests.",
  "Not sent on Fri 27 Nov, 16:30: Nobody is left to send to.",
  capReason({ messages: 1, days: 3 }),
  capReason({ messages: 2, days: 7 }),
  capReason({ messages: 1, days: 1 }),
];

describe("storedText", () => {
  it("reads our own stored sentences back in English exactly as stored", () => {
    const { t, format } = tools("en-GB", en);
    for (const text of STORED) expect(storedText(t, format, text)).toBe(text);
  });
  it("reads them in Danish", () => {
    const { t, format } = tools("da-DK", da);
    expect(storedText(t, format, "Paused by staff.")).toBe("Sat på pause af en medarbejder.");
    expect(storedText(t, format, "Not sent: the guest opted out by their link.")).toBe(
      "Ikke sendt: gæsten afmeldte sig via sit link.",
    );
    expect(storedText(t, format, "Sent on Fri 27 Nov, 16:30 to 1,234 guests.")).toBe(
      "Sendt fre. 27. nov., 16.30 til 1.234 gæster.",
    );
    expect(storedText(t, format, capReason({ messages: 1, days: 3 }))).toBe(
      "Ikke sendt: gæsten havde allerede fået en kampagnebesked inden for de sidste 3 dage (frekvensgrænse).",
    );
    for (const text of STORED) expect(storedText(t, format, text)).not.toBe(text);
  });
  it("passes anything else through", () => {
    const { t, format } = tools("da-DK", da);
    expect(storedText(t, format, "Invalid sender (1011)")).toBe("Invalid sender (1011)");
  });
});
