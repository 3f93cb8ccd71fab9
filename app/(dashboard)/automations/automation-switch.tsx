"use client";

import { useTranslations } from "next-intl";
import { Switch } from "@/components/ui/switch";
import type { AutomationKind } from "@/drizzle/schema/automations";
import { useAction } from "@/lib/actions/use-action";
import { switchAutomationAction } from "./actions";

/** The list's on/off switch for one automation; a refusal (no text yet) shows as a toast. */
export function AutomationSwitch({ kind, enabled, name }: { kind: AutomationKind; enabled: boolean; name: string }) {
  const t = useTranslations("Automations.list");
  const toggle = useAction(switchAutomationAction, {
    success: (data) => (data.enabled ? t("switchedOn", { name }) : t("switchedOff", { name })),
  });
  return (
    <Switch
      checked={enabled}
      disabled={toggle.pending}
      aria-label={t("switchLabel", { name })}
      onCheckedChange={(checked) => toggle.run({ kind, enabled: checked })}
      data-testid={`switch-${kind}`}
    />
  );
}
