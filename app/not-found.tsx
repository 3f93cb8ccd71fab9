import { Compass } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  const t = useTranslations("Shell.notFound");
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        icon={<Compass />}
        title={t("title")}
        description={t("description")}
        action={
          <Button asChild>
            <Link href="/">{t("home")}</Link>
          </Button>
        }
      />
    </main>
  );
}
