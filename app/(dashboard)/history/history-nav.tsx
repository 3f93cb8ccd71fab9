"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "/history", label: "Our history" },
  { href: "/history/smsapp", label: "smsapp.pk" },
  { href: "/history/cpsms", label: "CPSMS log" },
];

/** Tabs between our own history and each provider's. A message page (/history/123) belongs to ours. */
export function HistoryNav() {
  const pathname = usePathname();
  const current = pathname.startsWith("/history/smsapp")
    ? "/history/smsapp"
    : pathname.startsWith("/history/cpsms")
      ? "/history/cpsms"
      : "/history";
  return (
    <nav aria-label="History" className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b px-1">
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
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
