"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { getSegmentInfo } from "@/lib/sms/encoding";
import { cn } from "@/lib/utils";

/** Characters, encoding and segments of a text, as the operator will bill it; warns when UCS-2 is forced. */
export function MessageCounter({
  text,
  max,
  id,
  className,
}: {
  text: string;
  /** A limit to show the count against ("120/600 characters"); without one, just the count. */
  max?: number;
  id?: string;
  className?: string;
}) {
  const t = useTranslations("Compose.counter");
  const info = useMemo(() => getSegmentInfo(text), [text]);
  const over = max !== undefined && text.length > max;
  return (
    <p id={id} aria-live="polite" className={cn("text-xs text-muted-foreground", className)}>
      <span className={cn(over && "font-medium text-destructive")}>
        {max === undefined
          ? t("characters", { count: text.length })
          : t("charactersOfMax", { count: text.length, max })}
      </span>
      {" · "}
      {info.encoding}
      {" · "}
      {t("segments", { count: info.segments })}
      {info.nonGsmCharacters.length > 0 ? (
        <span className="text-warning">
          {" "}
          ·{" "}
          {t("forcesUcs2", {
            characters: info.nonGsmCharacters.slice(0, 5).join(" "),
            count: info.nonGsmCharacters.length,
          })}
        </span>
      ) : null}
    </p>
  );
}
