import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { definePublicAction } from "./define-action";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("definePublicAction", () => {
  const echo = definePublicAction(z.object({ name: z.string().min(1, "Enter a name.") }), {}, async ({ name }) => ({
    hello: name,
  }));

  it("validates with zod and maps errors like defineAction, with no session", async () => {
    expect(await echo({ name: "Ana" })).toEqual({ ok: true, data: { hello: "Ana" } });
    expect(await echo({ name: "" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", message: "Enter a name.", fieldErrors: { name: ["Enter a name."] } },
    });
    expect(await echo(null as never)).toMatchObject({
      ok: false,
      error: { message: "The form sent something unexpected. Reload the page and try again." },
    });
    expect(await echo({ name: "A\u0000na" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", message: expect.stringMatching(/invisible control characters/) },
    });
  });

  it("shows only AppError messages; anything else is a generic message", async () => {
    const refuse = definePublicAction(z.object({}), {}, async () => {
      throw new AppError("NOT_FOUND", "That link has expired.");
    });
    expect(await refuse({})).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "That link has expired." } });
    const crash = definePublicAction(z.object({}), {}, async () => {
      throw new Error("connection string postgres://secret");
    });
    expect(await crash({})).toEqual({
      ok: false,
      error: { code: "INTERNAL", message: "Something went wrong on our side. Try again in a moment." },
    });
  });

  it("a form action reads the posted FormData (after useActionState's state) and lets a redirect through", async () => {
    const seen: string[] = [];
    const formAction = definePublicAction(z.object({ token: z.string().default("") }), { form: true }, async (i) => {
      seen.push(i.token);
      if (i.token === "go") redirect("/o/go");
      return i.token;
    });
    expect(await formAction(null, form({ token: "abc" }))).toEqual({ ok: true, data: "abc" });
    expect(await formAction(null, form({}))).toEqual({ ok: true, data: "" });
    await formAction(form({ token: "go" })).then(
      () => expect.fail("should redirect"),
      (err) => expect(isRedirectError(err)).toBe(true),
    );
    expect(await formAction(null, form({ token: "a\u0000" }))).toMatchObject({ ok: false });
    expect(seen).toEqual(["abc", "", "go"]);
  });

  it("a form action refuses anything but FormData with the not-found answer, running nothing", async () => {
    const formAction = definePublicAction(z.object({}), { form: true }, async () => expect.fail("must not run"));
    for (const args of [[], [{}], ["x"], [null], [{}, { token: "t" }]] as unknown[][]) {
      await expect((formAction as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toMatchObject({
        digest: expect.stringMatching(/NEXT_HTTP_ERROR_FALLBACK;404/),
      });
    }
  });
});
