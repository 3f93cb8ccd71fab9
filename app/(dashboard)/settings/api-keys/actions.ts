"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createApiKey, revokeApiKey } from "@/lib/api/manage-keys";
import { getDb } from "@/lib/db";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";

const owners = { role: "owner" } as const;
const PAGE = "/settings/api-keys";

/** Creates an API key; the answer carries its secret, the only time it is ever shown. */
export const createApiKeyAction = defineAction(createApiKeySchema, owners, async (input, user) => {
  const key = await createApiKey(getDb(), user, input);
  revalidatePath(PAGE);
  return key;
});

/** Revokes an API key: its next call gets 401. */
export const revokeApiKeyAction = defineAction(revokeApiKeySchema, owners, async ({ id }, user) => {
  const { name } = await revokeApiKey(getDb(), user, id);
  revalidatePath(PAGE);
  return { name };
});
