"use client";

import { Plus, Trash2 } from "lucide-react";
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
  // Each row keeps its own key, so removing one doesn't hand its neighbour's inputs to the next row.
  const nextKey = useRef(0);
  const withKey = (rule: (typeof initial.rules)[number]) => ({ ...rule, key: nextKey.current++ });
  const [rules, setRules] = useState(() => initial.rules.map(withKey));
  const [fallback, setFallback] = useState<Provider>(initial.fallback);
  const save = useAction(saveProviderRoutesAction, { errors: "inline", success: "Routing saved." });
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
      <ul className="grid gap-2" aria-label="Routing rules">
        {rules.map((rule, i) => (
          <li key={rule.key} className="grid grid-cols-[6rem_minmax(0,1fr)_auto] items-center gap-2">
            <Input
              aria-label={`Prefix ${i + 1}`}
              value={rule.prefix}
              onChange={(e) => update(i, { prefix: e.target.value })}
              placeholder="+45"
            />
            <ProviderSelect
              id={`route-${i}`}
              label={`Provider for prefix ${i + 1}`}
              value={rule.provider}
              onChange={(provider) => update(i, { provider })}
            />
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove prefix ${rule.prefix || i + 1}`}
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
          <Plus aria-hidden /> Add prefix
        </Button>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="route-fallback">All other numbers</Label>
        <ProviderSelect
          id="route-fallback"
          label="Provider for all other numbers"
          value={fallback}
          onChange={setFallback}
        />
      </div>
      <FieldError>{error}</FieldError>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save routing"}
        </Button>
      </div>
    </form>
  );
}
