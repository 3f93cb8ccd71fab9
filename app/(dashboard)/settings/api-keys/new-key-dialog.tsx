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

/** Shows a new API key's secret exactly once, with a copy button; only its hash is kept. */
export function NewKeyDialog({
  value,
  onClose,
}: {
  value: { name: string; secret: string } | null;
  onClose: () => void;
}) {
  const t = useTranslations("Settings.apiKeys");
  const tCommon = useTranslations("Common");
  return (
    <Dialog open={value !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("shownOnce.title", { name: value?.name ?? "" })}</DialogTitle>
          <DialogDescription>{t("shownOnce.description")}</DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2 rounded-lg border bg-muted/50 p-3">
          <code className="flex-1 font-mono text-sm break-all" data-testid="new-api-key">
            {value?.secret}
          </code>
          <Button
            variant="outline"
            size="icon"
            aria-label={t("shownOnce.copy")}
            onClick={() => {
              if (value)
                void navigator.clipboard?.writeText(value.secret).then(() => toast.success(t("shownOnce.copied")));
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
