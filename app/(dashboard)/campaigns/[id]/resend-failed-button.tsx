"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useAction } from "@/lib/actions/use-action";
import { resendFailedAction } from "../actions";

/** "Resend to failed": a new campaign for the guests whose message didn't arrive, after a confirmation. */
export function ResendFailedButton({ campaignId, failed }: { campaignId: string; failed: number }) {
  const router = useRouter();
  const t = useTranslations("Campaigns.resend");
  const { run, pending } = useAction(resendFailedAction, {
    success: ({ recipients }) => t("resending", { count: recipients }),
    onSuccess: (created) => router.push(`/campaigns/${created.campaignId}`),
  });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={pending}>
          <RotateCcw aria-hidden /> {t("button")}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title", { count: failed })}</AlertDialogTitle>
          <AlertDialogDescription>{t("description")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("dontResend")}</AlertDialogCancel>
          <AlertDialogAction onClick={() => run({ campaignId })}>{t("resend")}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
