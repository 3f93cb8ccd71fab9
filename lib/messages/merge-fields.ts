import { isMergeFieldName, type MergeFieldName } from "./merge-field-catalogue";

/**
 * The merge-field language: `{first_name}` inserts a value, `{first_name|there}` inserts "there" when the guest
 * has no first name. There is no escape for literal braces: a restaurant text has no use for them, and they
 * cost two GSM-7 characters each, so any brace outside a field is reported as malformed.
 */

export type TemplatePart =
  | { type: "text"; text: string; start: number; end: number }
  | {
      type: "field";
      /** The name as written, trimmed (may be unknown: check `known`). */
      name: string;
      known: boolean;
      /** Text after "|", verbatim; null when there is no "|". */
      fallback: string | null;
      /** The whole `{...}` as written. */
      raw: string;
      start: number;
      end: number;
    };

/** A brace problem found while parsing; positions are UTF-16 offsets into the template (textarea selection). */
export interface BraceProblem {
  kind: "unclosed" | "stray_close" | "empty";
  start: number;
  end: number;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  braceProblems: BraceProblem[];
}

/** The values one recipient's message is rendered with; empty or missing values use the field's fallback. */
export interface MergeValues {
  firstName?: string | null;
  lastName?: string | null;
  restaurant?: string | null;
  optOutUrl?: string | null;
  /** The recipient's offer code as shown (XXXX-XXXX); set only when the text carries an offer. */
  offerCode?: string | null;
  /** The recipient's offer page (`{offer_link}`, lib/offers/offer-link.ts); set only with an offer code. */
  offerUrl?: string | null;
}

/** Splits a template into literal text and merge fields; malformed braces stay literal text and are reported. */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const braceProblems: BraceProblem[] = [];
  let textStart = 0;
  let i = 0;
  const pushText = (end: number) => {
    if (end > textStart) parts.push({ type: "text", text: template.slice(textStart, end), start: textStart, end });
  };

  while (i < template.length) {
    const ch = template[i];
    if (ch === "}") {
      braceProblems.push({ kind: "stray_close", start: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (ch !== "{") {
      i += 1;
      continue;
    }
    // A field ends at the next "}"; another "{" or a line break first means this brace was never closed.
    const close = findClose(template, i + 1);
    if (close === -1) {
      braceProblems.push({ kind: "unclosed", start: i, end: i + 1 });
      i += 1;
      continue;
    }
    const inner = template.slice(i + 1, close);
    const bar = inner.indexOf("|");
    const name = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    if (name === "") {
      braceProblems.push({ kind: "empty", start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    pushText(i);
    parts.push({
      type: "field",
      name,
      known: isMergeFieldName(name),
      fallback: bar === -1 ? null : inner.slice(bar + 1),
      raw: template.slice(i, close + 1),
      start: i,
      end: close + 1,
    });
    i = close + 1;
    textStart = i;
  }
  pushText(template.length);
  return { parts, braceProblems };
}

/** The known merge fields a template uses, each once, in order of first use. */
export function listMergeFields(template: string): MergeFieldName[] {
  const seen = new Set<MergeFieldName>();
  for (const part of parseTemplate(template).parts) {
    if (part.type === "field" && part.known) seen.add(part.name as MergeFieldName);
  }
  return [...seen];
}

/** The value a field takes for one recipient, before any fallback ("" when missing). */
export function mergeValue(name: MergeFieldName, values: MergeValues): string {
  switch (name) {
    case "first_name":
      return values.firstName?.trim() ?? "";
    case "last_name":
      return values.lastName?.trim() ?? "";
    case "restaurant":
      return values.restaurant?.trim() ?? "";
    case "opt_out_link":
      return values.optOutUrl?.trim() ?? "";
    case "offer_code":
      return values.offerCode?.trim() ?? "";
    case "offer_link":
      return values.offerUrl?.trim() ?? "";
  }
}

/** The message one recipient receives. Unknown fields are left as written (validation blocks sending them). */
export function renderParts(parts: readonly TemplatePart[], values: MergeValues): string {
  let out = "";
  for (const part of parts) {
    if (part.type === "text") out += part.text;
    else if (!part.known) out += part.raw;
    else out += mergeValue(part.name as MergeFieldName, values) || (part.fallback ?? "");
  }
  return out;
}

/** Renders a template for one recipient: `renderTemplate("Hi {first_name|there}", {})` → "Hi there". */
export function renderTemplate(template: string, values: MergeValues): string {
  return renderParts(parseTemplate(template).parts, values);
}

function findClose(template: string, from: number): number {
  for (let j = from; j < template.length; j++) {
    const c = template[j];
    if (c === "}") return j;
    if (c === "{" || c === "\n") return -1;
  }
  return -1;
}
