"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Reloads the log once CPSMS allows a fresh fetch (one per two minutes); counts down until then. */
export function RefreshLogButton({ nextRefreshAt }: { nextRefreshAt: string }) {
  const t = useTranslations("History.refresh");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const wait = now === null ? null : Math.max(0, Math.ceil((Date.parse(nextRefreshAt) - now) / 1000));
  const ready = wait === 0;
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={!ready || pending}
      onClick={() => startTransition(() => router.refresh())}
    >
      <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} />
      {ready
        ? t("now")
        : wait === null
          ? t("refresh")
          : t("in", { wait: `${Math.floor(wait / 60)}:${String(wait % 60).padStart(2, "0")}` })}
    </Button>
  );
}
