"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useAction } from "@/lib/actions/use-action";
import { FALLBACK_PROVIDER, PROVIDER_INFO, PROVIDER_NAMES } from "@/lib/sms/providers";
import type { ProviderRoutesInput } from "@/lib/validation/restaurant";
import { saveProviderRoutesAction } from "./actions";

type Provider = ProviderRoutesInput["fallback"];

function ProviderSelect({
  id,
  value,
  onChange,
  label,
}: {
  id: string;
  value: Provider;
  onChange: (p: Provider) => void;
  label: string;
}) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Provider)}>
      <SelectTrigger id={id} aria-label={label} className="w-full">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {PROVIDER_NAMES.map((p) => (
          <SelectItem key={p} value={p}>
            {PROVIDER_INFO[p].label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** Which provider "Automatic" uses per number prefix (the longest matching prefix wins). */
export function RoutingForm({ initial }: { initial: ProviderRoutesInput }) {
  const t = useTranslations("Settings.restaurant.routing");
  // Each row keeps its own key, so removing one doesn't hand its neighbour's inputs to the next row.
  const nextKey = useRef(0);
  const withKey = (rule: (typeof initial.rules)[number]) => ({ ...rule, key: nextKey.current++ });
  const [rules, setRules] = useState(() => initial.rules.map(withKey));
  const [fallback, setFallback] = useState<Provider>(initial.fallback);
  const save = useAction(saveProviderRoutesAction, { errors: "inline", success: t("saved") });
  const { pending } = save;
  const error = save.error?.message ?? null;
  const update = (i: number, patch: Partial<(typeof rules)[number]>) =>
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form
      noValidate
      className="grid max-w-xl gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.run({ rules: rules.map(({ prefix, provider }) => ({ prefix, provider })), fallback });
      }}
    >
      <ul className="grid gap-2" aria-label={t("rules")}>
        {rules.map((rule, i) => (
          <li key={rule.key} className="grid grid-cols-[6rem_minmax(0,1fr)_auto] items-center gap-2">
            <Input
              aria-label={t("prefix", { n: i + 1 })}
              value={rule.prefix}
              onChange={(e) => update(i, { prefix: e.target.value })}
              placeholder="+45"
            />
            <ProviderSelect
              id={`route-${i}`}
              label={t("providerFor", { n: i + 1 })}
              value={rule.provider}
              onChange={(provider) => update(i, { provider })}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t("remove", { prefix: rule.prefix || String(i + 1) })}
              onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}
            >
              <Trash2 aria-hidden />
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setRules((rs) => [...rs, withKey({ prefix: "+", provider: FALLBACK_PROVIDER })])}
        >
          <Plus aria-hidden /> {t("add")}
        </Button>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="route-fallback">{t("others")}</Label>
        <ProviderSelect id="route-fallback" label={t("othersProvider")} value={fallback} onChange={setFallback} />
      </div>
      <FieldError>{error}</FieldError>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
