import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { HistoryNav } from "./history-nav";

export default async function HistoryLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  const t = await getTranslations("History.layout");
  return (
    <ClientMessages area="history">
      <PageHeader title={t("title")} description={t("description")} />
      <HistoryNav />
      {children}
    </ClientMessages>
  );
}
