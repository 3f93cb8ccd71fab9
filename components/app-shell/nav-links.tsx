"use client";

import { LoaderCircle } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { isActive, NAV_ITEMS } from "./nav-items";

/**
 * Our pages have no loading.tsx (components/route-states/area-loading.tsx says why), so between a tap and the
 * page there is nothing else to show that the tap was taken: the item spins until its page is there.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return (
    <LoaderCircle
      aria-hidden
      data-pending={pending || undefined}
      className={cn("ml-auto size-4 shrink-0 animate-spin opacity-0 transition-opacity", pending && "opacity-70")}
    />
  );
}

/** `onCurrentPage`: a tap on the page already open (the phone's menu closes; it would wait for a new page). */
export function NavLinks({ onCurrentPage, hidden = [] }: { onCurrentPage?: () => void; hidden?: readonly string[] }) {
  const t = useTranslations("Shell.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("main")} className="flex flex-col gap-0.5">
      {NAV_ITEMS.filter((item) => !hidden.includes(item.label)).map(({ href, label, icon: Icon }) => {
        const active = isActive(href, pathname);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            onClick={active ? onCurrentPage : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 outline-none transition-colors",
              "hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
              active && "bg-sidebar-accent text-sidebar-accent-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            {t(`items.${label}`)}
            <PendingMark />
          </Link>
        );
      })}
    </nav>
  );
}
