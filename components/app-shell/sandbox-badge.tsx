import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/**
 * Always visible while any provider runs in the sandbox, so nobody believes a test send reached a guest.
 * Owners can click through to connect the real provider.
 */
export function SandboxBadge({ providers, canConfigure }: { providers: string[]; canConfigure: boolean }) {
  const t = useTranslations("Shell.sandbox");
  const format = useFormatter();
  if (providers.length === 0) return null;
  const explanation = t("explanation", { providers: format.list(providers, { type: "conjunction" }) });
  const badge = (
    <Badge variant="warning" className="h-7 gap-1.5 px-2.5 text-xs" title={explanation} data-testid="sandbox-badge">
      <FlaskConical aria-hidden />
      {t("badge")}
      <span className="sr-only">: {explanation}</span>
    </Badge>
  );
  return canConfigure ? (
    <Link href="/settings/providers" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
      {badge}
    </Link>
  ) : (
    badge
  );
}
