"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { formatDay } from "@/lib/time/zoned";
import { OFFER_TITLE_MAX_CHARACTERS, type OfferChoice } from "@/lib/validation/compose";

/** The form's offer as typed (dates as the date inputs give them); null = no offer. */
export type OfferValue = OfferChoice | null;

/**
 * A promotion's offer: what the guest gets (shown at the till) and the days it is valid, in the restaurant's
 * zone. Each guest's own code goes where the text has `{offer_code}`; the server refuses a text without one.
 */
export function OfferPicker({
  value,
  onChange,
  message,
  timeZone,
}: {
  value: OfferValue;
  onChange: (next: OfferValue) => void;
  /** The main text: says where the code goes, or that it is still missing. */
  message: string;
  timeZone: string;
}) {
  const id = useId();
  const t = useTranslations("Compose.offer");
  const on = value !== null;
  const set = (patch: Partial<OfferChoice>) => value && onChange({ ...value, ...patch });
  const until = value?.validUntil ? formatDay(value.validUntil) : null;
  return (
    <fieldset className="space-y-3 rounded-lg border p-3" data-testid="offer-picker">
      <div className="flex items-center gap-3">
        <Switch
          id={`${id}-on`}
          checked={on}
          onCheckedChange={(checked) => onChange(checked ? { title: "", validFrom: null, validUntil: "" } : null)}
        />
        <Label htmlFor={`${id}-on`}>{t("toggle")}</Label>
      </div>
      {value && (
        <>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-title`}>{t("title")}</Label>
            <Input
              id={`${id}-title`}
              value={value.title}
              maxLength={OFFER_TITLE_MAX_CHARACTERS}
              placeholder={t("titlePlaceholder")}
              onChange={(e) => set({ title: e.target.value })}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-from`}>{t("validFrom")}</Label>
              <Input
                id={`${id}-from`}
                type="date"
                value={value.validFrom ?? ""}
                onChange={(e) => set({ validFrom: e.target.value || null })}
              />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-until`}>{t("validUntil")}</Label>
              <Input
                id={`${id}-until`}
                type="date"
                value={value.validUntil}
                onChange={(e) => set({ validUntil: e.target.value })}
                aria-describedby={`${id}-until-hint`}
              />
            </div>
          </div>
          <p id={`${id}-until-hint`} className="text-xs text-muted-foreground">
            {until ? t("untilHint", { day: until, timeZone }) : t("untilMissing")}
          </p>
          {/* Without the field, the editor above says so (a blocking issue, as the server refuses it). */}
          {message.includes("{offer_code}") && <p className="text-xs text-muted-foreground">{t("codePlaced")}</p>}
        </>
      )}
    </fieldset>
  );
}
