"use client";

import { useTranslations } from "next-intl";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { type FooterLanguage, type MessageCategory, OPT_OUT_FOOTERS } from "@/lib/messages/opt-out-footer";

/** The opt-out footer switch, its language, what it adds, and the warning when marketing goes out without one. */
export function OptOutFooterControl(props: {
  id: string;
  on: boolean;
  onChange: (on: boolean) => void;
  language: FooterLanguage;
  onLanguageChange?: (language: FooterLanguage) => void;
  category: MessageCategory;
  problem: string | null;
  disabled?: boolean;
}) {
  const t = useTranslations("Compose");
  const switchId = `${props.id}-footer`;
  return (
    <div className="space-y-2 rounded-lg border p-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <Switch
            id={switchId}
            checked={props.on}
            onCheckedChange={props.onChange}
            disabled={props.disabled}
            aria-describedby={`${switchId}-hint`}
          />
          <Label htmlFor={switchId}>{t("footer.label")}</Label>
        </div>
        {props.onLanguageChange ? (
          <NativeSelect
            className="h-9 w-36"
            aria-label={t("footer.language")}
            value={props.language}
            onChange={(e) => props.onLanguageChange?.(e.target.value as FooterLanguage)}
            disabled={!props.on || props.disabled}
          >
            {Object.entries(OPT_OUT_FOOTERS).map(([language, footer]) => (
              <option key={language} value={language}>
                {footer.label}
              </option>
            ))}
          </NativeSelect>
        ) : null}
      </div>
      <p id={`${switchId}-hint`} className="text-xs text-muted-foreground">
        {t("footer.hint", { footer: OPT_OUT_FOOTERS[props.language].text.trim() })}
        {props.category === "marketing" ? ` ${t("footer.marketingNeedsIt")}` : ""}
      </p>
      {props.problem ? (
        <p role="alert" className="text-xs font-medium text-warning">
          {t("issues.optOutMissing")}
        </p>
      ) : null}
    </div>
  );
}
