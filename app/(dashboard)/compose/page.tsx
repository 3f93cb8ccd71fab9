import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { ComposeForm } from "./compose-form";

export const metadata: Metadata = { title: "Compose" };

export default async function Page() {
  await requireUser();
  const restaurant = await getRestaurantSettings(getDb());
  return (
    <>
      <PageHeader title="Compose" description="Write a message, pick who gets it, and send it now or later." />
      <ComposeForm restaurantName={restaurant.name} />
    </>
  );
}
