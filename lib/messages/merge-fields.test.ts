import { describe, expect, it } from "vitest";
import { MERGE_FIELDS, mergeFieldSnippet } from "./merge-field-catalogue";
import { listMergeFields, parseTemplate, renderTemplate } from "./merge-fields";

describe("parseTemplate", () => {
  it("splits text and fields with positions and fallbacks", () => {
    const { parts, braceProblems } = parseTemplate("Hi {first_name|there}, {restaurant}");
    expect(braceProblems).toEqual([]);
    expect(parts).toEqual([
      { type: "text", text: "Hi ", start: 0, end: 3 },
      {
        type: "field",
        name: "first_name",
        known: true,
        fallback: "there",
        raw: "{first_name|there}",
        start: 3,
        end: 21,
      },
      { type: "text", text: ", ", start: 21, end: 23 },
      { type: "field", name: "restaurant", known: true, fallback: null, raw: "{restaurant}", start: 23, end: 35 },
    ]);
  });

  it("reports unclosed, stray and empty braces and keeps them as text", () => {
    const { parts, braceProblems } = parseTemplate("a {first_name b} c {}");
    expect(braceProblems).toEqual([{ kind: "empty", start: 19, end: 21 }]);
    expect(parts[1]).toMatchObject({ type: "field", name: "first_name b", known: false });

    const broken = parseTemplate("Hi {first_name, see you}}");
    expect(broken.braceProblems).toEqual([{ kind: "stray_close", start: 24, end: 25 }]);

    const unclosed = parseTemplate("Hi {first_name\nBye");
    expect(unclosed.braceProblems).toEqual([{ kind: "unclosed", start: 3, end: 4 }]);
    expect(unclosed.parts).toEqual([{ type: "text", text: "Hi {first_name\nBye", start: 0, end: 18 }]);

    const nested = parseTemplate("{{first_name}");
    expect(nested.braceProblems).toEqual([{ kind: "unclosed", start: 0, end: 1 }]);
    expect(nested.parts.map((p) => p.type)).toEqual(["text", "field"]);
  });
});

describe("renderTemplate", () => {
  const mette = { firstName: "Mette", lastName: "Jensen", restaurant: "Cafe Rose", optOutUrl: "https://cdr.dk/s/x1" };

  it("substitutes values and uses the fallback only for empty values", () => {
    const template = "Hi {first_name|there} {last_name}, {restaurant}. Stop: {opt_out_link}";
    expect(renderTemplate(template, mette)).toBe("Hi Mette Jensen, Cafe Rose. Stop: https://cdr.dk/s/x1");
    expect(renderTemplate(template, { ...mette, firstName: "  ", lastName: null })).toBe(
      "Hi there , Cafe Rose. Stop: https://cdr.dk/s/x1",
    );
  });

  it("renders a field without fallback and no value as nothing, and leaves unknown fields as written", () => {
    expect(renderTemplate("Hi {first_name}!", {})).toBe("Hi !");
    expect(renderTemplate("Hi {frist_name}!", mette)).toBe("Hi {frist_name}!");
  });
});

describe("listMergeFields", () => {
  it("lists known fields once, in order", () => {
    expect(listMergeFields("{restaurant} {first_name|x} {first_name} {nope}")).toEqual(["restaurant", "first_name"]);
  });
});

describe("catalogue", () => {
  it("gives every field a label, description and example, and a snippet that parses back to the field", () => {
    for (const field of MERGE_FIELDS) {
      expect(field.label && field.description && field.example).toBeTruthy();
      const [part] = parseTemplate(mergeFieldSnippet(field)).parts;
      expect(part).toMatchObject({ type: "field", name: field.name, known: true });
    }
    expect(mergeFieldSnippet(MERGE_FIELDS[0])).toBe("{first_name|there}");
  });
});
