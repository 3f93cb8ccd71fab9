import { test as setup } from "@playwright/test";
import { ROLES, saveSharedUser, sessionFile, signIn } from "./support/auth";
import { E2E } from "./support/config";
import { lookup } from "./support/lookups";
import { seed } from "./support/seed";

// Runs before every spec (the "setup" project in playwright.config.ts): signs the owner and a manager and a staff
// member in once each, through the real form, and stores each session for the specs to start from.

// Specs text the same sandbox numbers again and again: the frequency cap (on by default) is off for all of them
// but its own spec (e2e/frequency-cap.spec.ts), which switches it on and back off.
setup("frequency cap off for the specs", async () => {
  await seed.frequencyCap(false);
});

for (const role of ROLES) {
  setup(`${role}: sign in once and store the session`, async ({ browser }) => {
    const user = role === "owner" ? await theOwner() : await seed.user(role);
    const context = await browser.newContext();
    try {
      await signIn(await context.newPage(), user.email, user.password);
      await context.storageState({ path: sessionFile(role) });
      saveSharedUser(role, user);
    } finally {
      await context.close();
    }
  });
}

/** The first owner the launcher created (ADMIN_EMAIL and ADMIN_PASSWORD in support/config.ts). */
async function theOwner() {
  const { id, name } = (await lookup.user(E2E.owner.email))!;
  return { ...E2E.owner, id, name };
}
