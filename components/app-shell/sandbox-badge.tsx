import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";

/**
 * Always visible while any provider runs in the sandbox, so nobody believes a test send reached a guest.
 * Owners can click through to connect the real provider.
 */
export function SandboxBadge({ providers, canConfigure }: { providers: string[]; canConfigure: boolean }) {
  if (providers.length === 0) return null;
  const explanation = `Sandbox: ${providers.join(" and ")} messages go to the built-in emulator; no real phone receives them.`;
  const badge = (
    <Badge variant="warning" className="h-7 gap-1.5 px-2.5 text-xs" title={explanation} data-testid="sandbox-badge">
      <FlaskConical aria-hidden />
      Sandbox
      <span className="sr-only">: {explanation}</span>
    </Badge>
  );
  return canConfigure ? (
    <Link href="/settings/providers" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring">
      {badge}
    </Link>
  ) : (
    badge
  );
}
