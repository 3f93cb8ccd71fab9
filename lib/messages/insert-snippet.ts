/**
 * Puts a snippet (e.g. "{first_name|there}") where the caret is, replacing any selected text, and returns
 * where the caret should go next: right after the snippet, so staff can keep typing.
 */
export function insertSnippet(
  value: string,
  selectionStart: number,
  selectionEnd: number,
  snippet: string,
): { value: string; caret: number } {
  const start = clamp(Math.min(selectionStart, selectionEnd), value.length);
  const end = clamp(Math.max(selectionStart, selectionEnd), value.length);
  return { value: value.slice(0, start) + snippet + value.slice(end), caret: start + snippet.length };
}

/** Replaces the text between two offsets (an issue's range) with a fix, e.g. {frist_name} → {first_name}. */
export function replaceRange(value: string, start: number, end: number, replacement: string): string {
  return value.slice(0, clamp(start, value.length)) + replacement + value.slice(clamp(end, value.length));
}

/** The unknown field's text with its name swapped for the suggestion, keeping any fallback: {frist_name|x} → {first_name|x}. */
export function withFieldName(fieldText: string, name: string): string {
  return fieldText.replace(/^\{[^|}]*/, `{${name}`);
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}
