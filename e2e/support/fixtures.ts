import { type BrowserContext, type BrowserContextOptions, test as base, type Page } from "@playwright/test";
import { type Role, sessionFile, signInByApi } from "./auth";
import type { SeededUser } from "./seed";

export { expect } from "@playwright/test";

type Fixtures = {
  /**
   * Another browser, already signed in: as a role (its stored session) or as a given user (a session of its
   * own, signed in by API). Closed after the test.
   */
  pageAs: (who: Role | SeededUser, options?: BrowserContextOptions) => Promise<Page>;
};

/** Playwright's `test` with the fixtures the specs share. */
export const test = base.extend<Fixtures>({
  pageAs: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (who, options = {}) => {
      const storageState = typeof who === "string" ? sessionFile(who) : undefined;
      const context = await browser.newContext({ ...options, storageState });
      opened.push(context);
      if (typeof who !== "string") await signInByApi(context, who);
      return context.newPage();
    });
    for (const context of opened) await context.close();
  },
});
