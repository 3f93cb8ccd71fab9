"use client";

import { Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/lib/toast/toast";

/**
 * A secret shown exactly once (a generated password, a new API key), with a copy button: after "Done" it is
 * never retrievable again. Open while `secret` is not null; the words are the caller's.
 */
export function ShownOnceDialog({
  secret,
  title,
  description,
  copyLabel,
  copied,
  testId,
  className = "text-base",
  onClose,
}: {
  secret: string | null;
  title: string;
  description: string;
  copyLabel: string;
  copied: string;
  testId: string;
  /** The secret's text size: a long key reads better smaller. */
  className?: string;
  onClose: () => void;
}) {
  const tCommon = useTranslations("Common");
  return (
    <Dialog open={secret !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2 rounded-lg border bg-muted/50 p-3">
          <code className={`flex-1 font-mono break-all ${className}`} data-testid={testId}>
            {secret}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={copyLabel}
            onClick={() => {
              if (secret) void navigator.clipboard?.writeText(secret).then(() => toast.success(copied));
            }}
          >
            <Copy className="size-4" />
          </Button>
        </div>
        <DialogFooter>
          <Button onClick={onClose}>{tCommon("done")}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
