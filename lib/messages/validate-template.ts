import { getMergeField, MERGE_FIELD_ALIASES, MERGE_FIELDS, type MergeFieldName } from "./merge-field-catalogue";
import { parseTemplate } from "./merge-fields";

export interface TemplateIssue {
  /** Errors block sending; warnings are advice. */
  severity: "error" | "warning";
  code:
    | "empty"
    | "unknown_field"
    | "unclosed_brace"
    | "stray_brace"
    | "empty_field"
    | "missing_fallback"
    | "offer_code_without_offer"
    | "offer_link_without_offer"
    | "offer_code_missing";
  message: string;
  /** The message as a catalogue key under Compose.issues, with its values, to show it in the reader's language. */
  key:
    | "empty"
    | "unclosedBrace"
    | "strayBrace"
    | "emptyField"
    | "unknownFieldSuggest"
    | "unknownFieldList"
    | "missingFallback"
    | "offerCodeWithoutOffer"
    | "offerLinkWithoutOffer"
    | "offerCodeMissing";
  values: Record<string, string | number>;
  /** UTF-16 offsets of the offending text in the template, so the editor can select it. */
  start: number;
  end: number;
  /** For unknown fields: the field the writer probably meant. */
  suggestion?: MergeFieldName;
}

/**
 * What the text is sent with, when the caller knows: "none" (no offer: `{offer_code}` has nothing to fill in),
 * "required" (a promotion's offer: the text must carry `{offer_code}`, or guests never see their code).
 * Unset, offers are not checked (an automation appends the code after its offer line itself).
 */
export type TemplateContext = { offer?: "none" | "required" };

/** Every problem with a template's merge fields and braces, in text order; errors mean it must not be sent. */
export function validateTemplate(template: string, context: TemplateContext = {}): TemplateIssue[] {
  if (template.trim() === "") {
    return [
      {
        severity: "error",
        code: "empty",
        message: "Write a message first.",
        key: "empty",
        values: {},
        start: 0,
        end: template.length,
      },
    ];
  }
  const { parts, braceProblems } = parseTemplate(template);
  const issues: TemplateIssue[] = braceProblems.map((p): TemplateIssue => {
    const at = `at character ${p.start + 1}`;
    switch (p.kind) {
      case "unclosed":
        return {
          severity: "error",
          code: "unclosed_brace",
          message: `"{" ${at} is never closed: write a field like {first_name}, or remove the brace.`,
          key: "unclosedBrace",
          values: { position: p.start + 1 },
          start: p.start,
          end: p.end,
        };
      case "stray_close":
        return {
          severity: "error",
          code: "stray_brace",
          message: `"}" ${at} has no opening "{": remove it, or complete the field.`,
          key: "strayBrace",
          values: { position: p.start + 1 },
          start: p.start,
          end: p.end,
        };
      default: // "empty", the last kind of brace problem
        return {
          severity: "error",
          code: "empty_field",
          message: `Empty merge field ${template.slice(p.start, p.end)} ${at}: put a field name between the braces.`,
          key: "emptyField",
          values: { field: template.slice(p.start, p.end), position: p.start + 1 },
          start: p.start,
          end: p.end,
        };
    }
  });

  let usesOfferCode = false;
  for (const part of parts) {
    if (part.type !== "field") continue;
    if (part.known && part.name === "offer_code") {
      usesOfferCode = true;
      if (context.offer === "none") {
        issues.push({
          severity: "error",
          code: "offer_code_without_offer",
          message: "This text uses {offer_code} but carries no offer: add an offer, or remove {offer_code}.",
          key: "offerCodeWithoutOffer",
          values: {},
          start: part.start,
          end: part.end,
        });
      }
    }
    // The guest's page shows the code too, so it counts as placing it; without an offer there is no page.
    if (part.known && part.name === "offer_link") {
      usesOfferCode = true;
      if (context.offer === "none") {
        issues.push({
          severity: "error",
          code: "offer_link_without_offer",
          message: "This text uses {offer_link} but carries no offer: add an offer, or remove {offer_link}.",
          key: "offerLinkWithoutOffer",
          values: {},
          start: part.start,
          end: part.end,
        });
      }
    }
    if (!part.known) {
      const suggestion = suggestMergeField(part.name);
      const hint = suggestion
        ? `did you mean {${suggestion}}?`
        : `use one of ${MERGE_FIELDS.map((f) => `{${f.name}}`).join(", ")}.`;
      issues.push({
        severity: "error",
        code: "unknown_field",
        message: `Unknown merge field {${part.name}}: ${hint}`,
        key: suggestion ? "unknownFieldSuggest" : "unknownFieldList",
        values: {
          field: `{${part.name}}`,
          suggestion: suggestion ? `{${suggestion}}` : "",
          fields: MERGE_FIELDS.map((f) => `{${f.name}}`).join(", "),
        },
        start: part.start,
        end: part.end,
        suggestion,
      });
      continue;
    }
    const field = getMergeField(part.name);
    if (field?.personal && part.fallback === null) {
      issues.push({
        severity: "warning",
        code: "missing_fallback",
        message: `{${part.name}} has no fallback, so guests without a ${field.label.toLowerCase()} get nothing there. Write it as {${part.name}|${field.suggestedFallback || "…"}}.`,
        key: "missingFallback",
        values: {
          field: `{${part.name}}`,
          name: part.name,
          example: `{${part.name}|${field.suggestedFallback || "…"}}`,
        },
        start: part.start,
        end: part.end,
      });
    }
  }
  if (context.offer === "required" && !usesOfferCode) {
    issues.push({
      severity: "error",
      code: "offer_code_missing",
      message: "This promotion carries an offer: put {offer_code} in the text so each guest gets their code.",
      key: "offerCodeMissing",
      values: { language: "" },
      start: template.length,
      end: template.length,
    });
  }
  return issues.sort((a, b) => a.start - b.start);
}

/** True when any issue blocks sending. */
export function hasBlockingIssues(issues: readonly TemplateIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** The known field an unknown name most likely means (alias or a close spelling), or undefined. */
export function suggestMergeField(name: string): MergeFieldName | undefined {
  const key = name.toLowerCase().replace(/[\s-]+/g, "_");
  const alias = MERGE_FIELD_ALIASES[key] ?? MERGE_FIELD_ALIASES[key.replace(/_/g, "")];
  if (alias) return alias;
  let best: { name: MergeFieldName; distance: number } | undefined;
  for (const field of MERGE_FIELDS) {
    const distance = editDistance(key, field.name);
    if (!best || distance < best.distance) best = { name: field.name, distance };
  }
  // Allow about one typo per four letters: "frist_name" and "resturant" match, "price" does not.
  return best && best.distance <= Math.max(1, Math.floor(best.name.length / 4)) ? best.name : undefined;
}

/** Optimal string alignment distance: Levenshtein plus adjacent swaps, so "frist" is one edit from "first". */
function editDistance(a: string, b: string): number {
  const w = b.length + 1;
  const d = new Array<number>((a.length + 1) * w).fill(0);
  const at = (i: number, j: number) => d[i * w + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * w] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * w + j] = best;
    }
  }
  return at(a.length, b.length);
}
