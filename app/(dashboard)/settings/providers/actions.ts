"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db";
import { checkProviderConnection } from "@/lib/providers/connection-check";
import {
  clearProviderCredentials,
  saveDefaultSender,
  saveProviderCredentials,
} from "@/lib/providers/provider-settings";
import { sendConnectionTest } from "@/lib/test-sends/compose-test";
import {
  defaultSenderSchema,
  providerCredentialsSchema,
  providerNameSchema,
  testSmsSchema,
} from "@/lib/validation/providers";

const owner = { role: "owner" } as const;
const PAGE = "/settings/providers";

export const checkConnectionAction = defineAction(z.object({ provider: providerNameSchema }), owner, ({ provider }) =>
  checkProviderConnection(getDb(), provider),
);

export const saveCredentialsAction = defineAction(providerCredentialsSchema, owner, async (input, user) => {
  await saveProviderCredentials(getDb(), user, input);
  revalidatePath("/", "layout"); // the Sandbox badge in every page's header
  return { saved: true };
});

export const clearCredentialsAction = defineAction(
  z.object({ provider: providerNameSchema }),
  owner,
  async ({ provider }, user) => {
    await clearProviderCredentials(getDb(), user, provider);
    revalidatePath("/", "layout");
    return { cleared: true };
  },
);

export const saveDefaultSenderAction = defineAction(defaultSenderSchema, owner, async (input, user) => {
  await saveDefaultSender(getDb(), user, input);
  revalidatePath(PAGE);
  return { sender: input.sender || null };
});

/** The connection test: a fixed text from the default sender, to the owner's verified phone or a staff phone. */
export const sendTestSmsAction = defineAction(testSmsSchema, owner, async (input, user) => {
  const result = await sendConnectionTest(getDb(), user, input);
  revalidatePath(PAGE); // the sandbox inbox below the form
  return result;
});
