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

/** Shows a generated password exactly once, with a copy button; it is never retrievable again. */
export function TemporaryPasswordDialog({
  value,
  onClose,
}: {
  value: { name: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useTranslations("Settings.users");
  const tCommon = useTranslations("Common");
  return (
    <Dialog open={value !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("temporary.title", { name: value?.name ?? "" })}</DialogTitle>
          <DialogDescription>{t("temporary.description")}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2 rounded-lg border bg-muted/50 p-3">
          <code className="flex-1 font-mono text-base break-all" data-testid="temporary-password">
            {value?.password}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("temporary.copy")}
            onClick={() => {
              if (value)
                void navigator.clipboard?.writeText(value.password).then(() => toast.success(t("toasts.copied")));
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
