import "server-only";
import { getTranslations } from "next-intl/server";
import type { Automation } from "@/drizzle/schema";

/** One line saying when an automation texts, with its current numbers ("3 days before the birthday, at 10:00"). */
export async function automationSummary(a: Automation): Promise<string> {
  const t = await getTranslations("Automations");
  switch (a.kind) {
    case "birthday":
      return t("kinds.birthday.summary", { days: a.daysBefore, time: a.sendAt });
    case "welcome":
      return t("kinds.welcome.summary");
    case "winback":
      return t("kinds.winback.summary", { days: a.lapseDays, visits: a.minVisits });
    case "after_visit":
      return t("kinds.after_visit.summary", { hours: a.hoursAfter });
  }
}
