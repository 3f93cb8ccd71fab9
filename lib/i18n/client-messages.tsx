import type { Messages } from "next-intl";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type MessagePath, pickMessages } from "./pick-messages";

/**
 * What the client components of every page read: the shell (navigation, menus, tables, error and loading states)
 * and the shared words. Every page's HTML carries the messages its client components get, so they get these and
 * what their area adds (ClientMessages), never the whole catalogue (some 90 kB, a quarter of a page's bytes on a
 * phone's connection).
 */
export const SHELL_CLIENT_NAMESPACES = ["Common", "Errors", "Units", "Shell"] as const;

/**
 * Client components below get the shell's messages and those under `namespaces`, only (a nested provider
 * replaces the messages above it, so it carries the shell's too). Language, formats and time zone are the
 * request's, as in the root layout.
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: readonly MessagePath[];
  children: React.ReactNode;
}) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...SHELL_CLIENT_NAMESPACES, ...namespaces]) as Messages}>
      {children}
    </NextIntlClientProvider>
  );
}
