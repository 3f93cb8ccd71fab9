import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listGroupOptions } from "@/lib/campaigns/compose/preview-audience";
import { getDb } from "@/lib/db";
import { resolveProviders } from "@/lib/providers/resolve-provider";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ComposeForm } from "./compose-form";

export const metadata: Metadata = { title: "Compose" };

export default async function Page({ searchParams }: { searchParams: Promise<{ group?: string }> }) {
  const user = await requireUser();
  const db = getDb();
  const [restaurant, groups, providers, params] = await Promise.all([getRestaurantSettings(db), listGroupOptions(db), resolveProviders(db), searchParams]);
  const initialGroupId = groups.some((g) => g.id === params.group) ? params.group : undefined;
  return (
    <>
      <PageHeader title="Compose" description="Write a message, pick who gets it, and send it now or later." />
      <ComposeForm
        restaurantName={restaurant.name}
        timeZone={restaurant.timeZone}
        quietHours={`${restaurant.quietHoursStart}–${restaurant.quietHoursEnd}`}
        groups={groups}
        defaultSenders={{ cpsms: providers.cpsms.defaultSender, smsapp: providers.smsapp.defaultSender }}
        canApprove={hasRole(user.role, "manager")}
        initialGroupId={initialGroupId}
      />
    </>
  );
}
