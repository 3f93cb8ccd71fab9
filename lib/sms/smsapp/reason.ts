/**
 * smsapp.pk's free-text status label in plain language. The provider's own wording is kept at the end so
 * nothing is lost in translation.
 */
export function smsappReason(label: string): string {
  const said = `(smsapp.pk said “${label}”)`;
  if (/^(undeliv|undelivered|failed|failure)/i.test(label)) return `The operator could not deliver it ${said}.`;
  if (/^expired/i.test(label)) return `The operator gave up: the phone stayed unreachable ${said}.`;
  if (/^(rejected|rejectd)/i.test(label)) return `The operator refused it ${said}.`;
  if (/^(blocked|blacklist)/i.test(label) || /blacklist/i.test(label))
    return `The number is blocked or blacklisted ${said}.`;
  if (/^insufficient/i.test(label)) return `Not enough balance at smsapp.pk ${said}.`;
  if (/^invalid/i.test(label)) return `The number or request was not valid ${said}.`;
  if (/^deleted/i.test(label)) return `Deleted before it was sent ${said}.`;
  return `It was not delivered ${said}.`;
}
