import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function Forbidden() {
  const t = useTranslations("Shell.forbidden");
  return (
    <EmptyState
      icon={<ShieldAlert />}
      title={t("title")}
      description={t("description")}
      action={
        <Button asChild variant="outline">
          <Link href="/">{t("back")}</Link>
        </Button>
      }
    />
  );
}
