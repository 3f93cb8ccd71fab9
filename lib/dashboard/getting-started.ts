import "server-only";
import { sql } from "drizzle-orm";
import type { UserRole } from "@/drizzle/schema";
import type { Database } from "@/lib/db";
import { providerModes } from "@/lib/providers/provider-modes";
import { PROVIDER_NAMES } from "@/lib/sms/providers";

export type SetupStepKey = "restaurant" | "provider" | "guests" | "campaign" | "team";

/** A first step; its title and description are in the catalogue under Home.gettingStarted.steps.<key>. */
export type SetupStep = {
  key: SetupStepKey;
  done: boolean;
  href: string;
  /** The least role that can do this step (others are told who does it). */
  role: UserRole;
};

export type GettingStarted = { steps: SetupStep[]; done: number; total: number; complete: boolean };

/** What the database says about a restaurant's first steps (pure facts, read in one statement). */
export type SetupFacts = {
  /** Settings > Restaurant was saved at least once (name, time zone, country, quiet hours or routing). */
  restaurantSaved: boolean;
  /** A provider runs with real credentials. */
  providerLive: boolean;
  /** A test SMS was sent (to a verified or staff phone): the owner has seen the sandbox (or a live provider) work. */
  testSmsSent: boolean;
  guests: boolean;
  /** A staff campaign (not a sign-up text) left the draft stage: scheduled, queued, sending, paused or completed. */
  campaignSent: boolean;
  /** Someone besides the first owner can sign in. */
  teamInvited: boolean;
};

/** The five first steps of a new restaurant, in the order they are best done, from the facts. */
export function setupSteps(facts: SetupFacts): GettingStarted {
  const steps: SetupStep[] = [
    {
      key: "restaurant",
      done: facts.restaurantSaved,
      href: "/settings/restaurant",
      role: "owner",
    },
    {
      key: "provider",
      done: facts.providerLive || facts.testSmsSent,
      href: "/settings/providers",
      role: "owner",
    },
    {
      key: "guests",
      done: facts.guests,
      href: "/contacts",
      role: "staff",
    },
    {
      key: "campaign",
      done: facts.campaignSent,
      href: "/compose",
      role: "staff",
    },
    {
      key: "team",
      done: facts.teamInvited,
      href: "/settings/users",
      role: "owner",
    },
  ];
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: steps.length, complete: done === steps.length };
}

/** Reads the facts behind the getting-started steps: a handful of EXISTS checks, cheap on any size of data. */
export async function readSetupFacts(db: Database): Promise<SetupFacts> {
  const [{ rows }, modes] = await Promise.all([
    db.execute<Omit<SetupFacts, "providerLive">>(sql`
      select
        exists (select 1 from restaurant_settings) as "restaurantSaved",
        exists (select 1 from audit_log where target_type = 'provider' and action = 'provider.test_sms' and details->>'ok' = 'true') as "testSmsSent",
        exists (select 1 from contacts) as "guests",
        exists (select 1 from campaigns where origin = 'compose' and status in ('scheduled', 'queued', 'sending', 'paused', 'completed')) as "campaignSent",
        exists (select 1 from users offset 1) as "teamInvited"`),
    providerModes(db),
  ]);
  return { ...rows[0]!, providerLive: PROVIDER_NAMES.some((p) => modes[p] === "live") };
}

/** The getting-started checklist as the database has it now. */
export async function gettingStarted(db: Database): Promise<GettingStarted> {
  return setupSteps(await readSetupFacts(db));
}
