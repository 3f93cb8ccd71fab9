import { z } from "zod";
import { PROBLEMS, type ProblemCode } from "./problem";
import { guestInputSchema, guestSchema, problemSchema, visitInputSchema, visitSchema } from "./schemas";
import { API_SCOPES } from "./scopes";
import { MAX_API_BODY_BYTES } from "./types";

type Json = Record<string, unknown>;

/** Which problems each operation can answer with (a test checks every one is reachable in the document). */
export const OPERATION_PROBLEMS: Record<string, ProblemCode[]> = {
  "POST /api/v1/guests": [
    "unauthorized",
    "insufficient-scope",
    "malformed-json",
    "payload-too-large",
    "unsupported-media-type",
    "validation-failed",
    "idempotency-key-reused",
    "rate-limited",
    "internal",
  ],
  "POST /api/v1/visits": [
    "unauthorized",
    "insufficient-scope",
    "guest-not-found",
    "visit-exists-for-other-guest",
    "malformed-json",
    "payload-too-large",
    "unsupported-media-type",
    "validation-failed",
    "idempotency-key-reused",
    "rate-limited",
    "internal",
  ],
};

/** A zod schema as JSON Schema (2020-12, what OpenAPI 3.1 uses), its named parts moved to components. */
function collect(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  const text = JSON.stringify(out).replaceAll("#/$defs/", "#/components/schemas/");
  const { $defs, $schema: _, ...rest } = JSON.parse(text) as Json & { $defs?: Json };
  Object.assign(components, $defs ?? {});
  return rest;
}

const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Any unique text (a UUID). A retry with the same key and body gets the first answer again (header Idempotent-Replayed: true); the same key with a different body gets 422 idempotency-key-reused. Keys are kept 24 hours.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

let cached: Json | undefined;

/** The OpenAPI 3.1 document of the REST API, generated from the schemas the API validates with. */
export function openApiDocument(): Json {
  if (cached) return cached;
  const schemas: Json = {};
  const problemRef = collect(problemSchema, "output", schemas);
  const errorResponses = (op: string) => {
    const byStatus = new Map<number, ProblemCode[]>();
    for (const code of OPERATION_PROBLEMS[op]!) {
      const { status } = PROBLEMS[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    return Object.fromEntries(
      [...byStatus].map(([status, codes]) => [
        String(status),
        {
          description: codes.map((c) => `\`${c}\`: ${PROBLEMS[c].title}`).join("; "),
          content: { "application/problem+json": { schema: problemRef } },
        },
      ]),
    );
  };
  const operation = (
    op: string,
    summary: string,
    scope: string,
    input: Json,
    output: Json,
    created: string,
    ok: string,
  ) => ({
    summary,
    security: [{ apiKey: [scope] }],
    parameters: [idempotencyHeader],
    requestBody: { required: true, content: { "application/json": { schema: input } } },
    responses: {
      "201": { description: created, content: { "application/json": { schema: output } } },
      "200": { description: ok, content: { "application/json": { schema: output } } },
      ...errorResponses(op),
    },
  });
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Cafe de Revenue API",
      version: "1.0.0",
      description: `For reservation and till (POS) systems: add guests and report their visits. Authenticate with an API key an owner creates in Settings > API keys: \`Authorization: Bearer cdr_…\`. Bodies are JSON, at most ${MAX_API_BODY_BYTES} bytes. Errors are RFC 9457 problem details. Rate limit: per key per minute (429 with Retry-After).`,
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/guests": {
        post: operation(
          "POST /api/v1/guests",
          "Create or update a guest by phone number",
          "guests:write",
          collect(guestInputSchema, "input", schemas),
          collect(guestSchema, "output", schemas),
          "The guest was created.",
          "The guest existed and was updated.",
        ),
      },
      "/api/v1/visits": {
        post: operation(
          "POST /api/v1/visits",
          "Record a guest's visit",
          "visits:write",
          collect(visitInputSchema, "input", schemas),
          collect(visitSchema, "output", schemas),
          "The visit was recorded.",
          "A visit with this externalId was already recorded for this guest; nothing was added.",
        ),
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key from Settings > API keys. Scopes: ${API_SCOPES.join(", ")}.`,
        },
      },
    },
  };
  return cached;
}
