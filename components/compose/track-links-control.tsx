"use client";

import { useTranslations } from "next-intl";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

/** "Shorten and track links": shown when a promotion's text has a link; on by default. */
export function TrackLinksControl(props: {
  id: string;
  on: boolean;
  onChange: (on: boolean) => void;
  /** The short link's length, e.g. 30: what each link costs in the text. */
  length: number;
  disabled?: boolean;
}) {
  const t = useTranslations("Compose.trackLinks");
  const switchId = `${props.id}-track-links`;
  return (
    <div className="space-y-2 rounded-lg border p-3">
      <div className="flex items-center gap-3">
        <Switch
          id={switchId}
          checked={props.on}
          onCheckedChange={props.onChange}
          disabled={props.disabled}
          aria-describedby={`${switchId}-hint`}
        />
        <Label htmlFor={switchId}>{t("label")}</Label>
      </div>
      <p id={`${switchId}-hint`} className="text-xs text-muted-foreground">
        {props.on ? t("hintOn", { length: props.length }) : t("hintOff")}
      </p>
    </div>
  );
}
