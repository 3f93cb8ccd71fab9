/**
 * A problem found in lib code and shown to staff later (an import row's rejection, a file that can't be read):
 * a catalogue key with its values, translated where it is shown (`t(problem.key, problem.values)`, or
 * `localizeMessage` on the server), so it reads in the reader's language.
 */
export type Problem = { key: string; values?: Record<string, string | number> };

/** A problem in words, with any translator (`useTranslations()` or `await getTranslations()`, no namespace). */
export function problemText(t: (...args: never[]) => unknown, problem: Problem): string {
  return (t as unknown as (key: string, values?: Problem["values"]) => string)(problem.key, problem.values);
}
