import { describe, expect, it } from "vitest";
import { API_ROUTES } from "./handlers";
import { OPERATION_PROBLEMS, openApiDocument } from "./openapi";
import { PROBLEMS, type ProblemCode } from "./problem";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }> }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

describe("OpenAPI document", () => {
  const doc = openApiDocument() as unknown as Doc;

  it("is OpenAPI 3.1 and documents every route the API answers (but itself)", () => {
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = Object.entries(API_ROUTES)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .filter((r) => r !== "GET /api/v1/openapi.json");
    expect(documented.sort()).toEqual(served.sort());
    expect(Object.keys(OPERATION_PROBLEMS).sort()).toEqual(served.sort());
  });

  it("lists every error shape: each problem code under its status, as problem+json", () => {
    const endpointOnly: ProblemCode[] = ["not-found", "method-not-allowed"]; // about the URL, not an operation
    const listed = new Set(Object.values(OPERATION_PROBLEMS).flat());
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      if (!endpointOnly.includes(code)) expect(listed, code).toContain(code);
    }
    for (const [op, codes] of Object.entries(OPERATION_PROBLEMS)) {
      const [method, path] = op.split(" ");
      const responses = doc.paths[path!]![method!.toLowerCase()]!.responses;
      for (const code of codes) {
        const response = responses[String(PROBLEMS[code].status)]!;
        expect(response.description).toContain(code);
        expect(response.content!["application/problem+json"]!.schema.$ref).toBe("#/components/schemas/Problem");
      }
    }
    expect(Object.keys(doc.components.schemas.Problem!.properties!)).toEqual(
      expect.arrayContaining(["type", "title", "status", "detail", "code", "errors"]),
    );
  });

  it("has no dangling reference", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref);
    expect(JSON.stringify(doc)).not.toContain("$defs");
  });
});
