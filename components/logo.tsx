import { MessageSquareHeart } from "lucide-react";
import { cn } from "@/lib/utils";

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="grid size-8 place-items-center rounded-lg bg-primary text-primary-foreground">
        <MessageSquareHeart className="size-4.5" aria-hidden />
      </span>
      <span className="text-base">Cafe de Revenue</span>
    </span>
  );
}
