/**
 * Words of the dashboard's English that are not Danish words too: one of them in a Danish page's own text
 * (data aside) means a string that missed the catalogue. Words both languages use ("status", "test", "link", "send", "have",
 * "sent" (late), "time" (hour), "by" (town), "just", "import", "segment", "mark", "per", "filter", "start", "stop",
 * "for", "under", "over", "at", "to", "hold", "sender", "data", "total") are left
 * out on purpose.
 */
export const ENGLISH_WORDS = new Set(
  `the and you your with from this that these those there here what when where which who why how
  is are was were be been being has had do does did will would can could should must may might not
  no yes all any some none more less most only also again still yet already
  sending save saved saving cancel cancelled delete deleted remove removed edit add added new
  search show showing hide view open close back next previous done loading error errors something went wrong
  try page pages rows row selected select choose enter optional required empty results nothing
  contact contacts guest guests group groups campaign campaigns message messages history settings account
  users user owner manager staff password email phone name names language date day days week weeks month
  hour hours minute minutes today yesterday tomorrow scheduled delivered failed pending queued unknown
  balance cost points units recipient recipients template templates sign signed out off on in of or
  consent opted granted withdrawn unsubscribe unsubscribed export imported exported
  provider providers delivery report reports credit left every each weekly repeating repeats paused
  retry marked reschedule rescheduled draft approve approved approval waiting
  quiet footer opt preview characters character segments count counts
  dashboard home overview upcoming recent latest last first`
    .split(/\s+/)
    .filter(Boolean),
);

/** The English words in a text, each with a little context for the report. */
export function englishWordsIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b[A-Za-z]+(?:'[a-z]+)?\b/g)) {
    if (ENGLISH_WORDS.has(match[0].toLowerCase())) {
      const start = Math.max(0, match.index - 30);
      found.push(`"${match[0]}" in …${text.slice(start, match.index + match[0].length + 30).replace(/\s+/g, " ")}…`);
    }
  }
  return found;
}
