"use client";

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
  max: number;
  id?: string;
  className?: string;
}) {
  const info = useMemo(() => getSegmentInfo(text), [text]);
  const over = text.length > max;
  return (
    <p id={id} aria-live="polite" className={cn("text-xs text-muted-foreground", className)}>
      <span className={cn(over && "font-medium text-destructive")}>
        {text.length}/{max} characters
      </span>
      {" · "}
      {info.encoding}
      {" · "}
      {info.segments} {info.segments === 1 ? "segment" : "segments"}
      {info.nonGsmCharacters.length > 0 ? (
        <span className="text-warning">
          {" "}
          · {info.nonGsmCharacters.slice(0, 5).join(" ")} {info.nonGsmCharacters.length === 1 ? "forces" : "force"}{" "}
          UCS-2 (70 characters per segment)
        </span>
      ) : null}
    </p>
  );
}
