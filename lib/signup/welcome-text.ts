/**
 * The welcome text as it is sent and counted on Settings > Sign-up: the message, then the offer line (if any) on
 * a line of its own.
 */
export function welcomeSmsText(message: string, offer: string | null | undefined): string {
  const text = message.trim();
  const extra = offer?.trim();
  return extra ? `${text}\n${extra}` : text;
}
