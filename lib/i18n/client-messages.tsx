import type { Messages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { AREA_CLIENT_NAMESPACES, type ClientArea, SHELL_CLIENT_NAMESPACES } from "./client-namespaces";
import { pickMessages } from "./pick-messages";

/**
 * Client components below get the shell's messages and their area's (lib/i18n/client-namespaces.ts), never the
 * whole catalogue: every page's HTML carries the messages its client components get, and the whole catalogue was
 * some 24 kB compressed, a tenth of a page's bytes on a phone's connection. Without `area`: the shell's only (the
 * root layout). A nested provider replaces the messages above it, so an area's carries the shell's too. Language,
 * formats and time zone are the request's.
 */
export async function ClientMessages({ area, children }: { area?: ClientArea; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const namespaces = [...SHELL_CLIENT_NAMESPACES, ...(area ? AREA_CLIENT_NAMESPACES[area] : [])];
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces) as Messages}>
      {children}
    </NextIntlClientProvider>
  );
}
