"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { PROVIDER_INFO, PROVIDER_NAMES } from "@/lib/sms/providers";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "/history", key: "ours" as const },
  ...PROVIDER_NAMES.map((p) => ({ href: PROVIDER_INFO[p].history.href, key: p })),
];

/** Tabs between our own history and each provider's. A message page (/history/123) belongs to ours. */
export function HistoryNav() {
  const t = useTranslations("History.nav");
  const pathname = usePathname();
  const current = ITEMS.find((item) => item.href !== "/history" && pathname.startsWith(item.href))?.href ?? "/history";
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b px-1">
      {ITEMS.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className={cn(
            "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium outline-none transition-colors focus-visible:ring-2 focus-visible:ring-ring",
            item.href === current
              ? "border-primary text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
          )}
        >
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );
}
