import { Badge } from "@/components/ui/badge";

const LABELS = { granted: "Consented", withdrawn: "Withdrawn", none: "No consent" } as const;
const VARIANTS = { granted: "success", withdrawn: "destructive", none: "outline" } as const;

/** A guest's marketing consent at a glance. */
export function ConsentBadge({ state }: { state: keyof typeof LABELS }) {
  return <Badge variant={VARIANTS[state]}>{LABELS[state]}</Badge>;
}
