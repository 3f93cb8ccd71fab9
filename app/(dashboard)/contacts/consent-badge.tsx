import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const VARIANTS = { granted: "success", withdrawn: "destructive", none: "outline" } as const;

/** A guest's marketing consent at a glance. */
export function ConsentBadge({ state }: { state: keyof typeof VARIANTS }) {
  const t = useTranslations("Contacts.consent");
  return <Badge variant={VARIANTS[state]}>{t(`states.${state}`)}</Badge>;
}
