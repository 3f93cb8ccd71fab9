"use client";
import { useTranslations } from "next-intl";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useAction } from "@/lib/actions/use-action";
import { LOCALE_NAMES, STAFF_LOCALES, type StaffLocale } from "@/lib/i18n/locales";
import { setMyLanguageAction } from "./actions";

const BROWSER = "browser"; // a Select item needs a non-empty value

/**
 * The user's own dashboard language. Saving re-renders every page in it at once, which is the confirmation:
 * a toast in the old language would read oddly.
 */
export function LanguageCard({ current }: { current: StaffLocale | null }) {
  const t = useTranslations("Account.language");
  const save = useAction(setMyLanguageAction);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-2">
        <Label htmlFor="my-language">{t("label")}</Label>
        <Select
          value={current ?? BROWSER}
          disabled={save.pending}
          onValueChange={(value) => save.run({ locale: value === BROWSER ? "" : (value as StaffLocale) })}
        >
          <SelectTrigger id="my-language" className="w-full sm:w-64" data-testid="my-language">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={BROWSER}>{t("followBrowser")}</SelectItem>
            {STAFF_LOCALES.map((l) => (
              <SelectItem key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </CardContent>
    </Card>
  );
}
