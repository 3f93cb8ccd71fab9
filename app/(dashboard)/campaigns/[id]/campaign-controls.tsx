"use client";

import { Ban, CircleCheck, Pause, Play } from "lucide-react";
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
import type { CampaignControls as Controls } from "@/lib/campaigns/campaign-lifecycle";
import { approveCampaignAction, cancelCampaignAction, pauseCampaignAction, resumeCampaignAction } from "../actions";

type Props = {
  campaignId: string;
  /** Which controls apply, from the campaign lifecycle (campaignControls). */
  controls: Pick<Controls, "approve" | "pause" | "resume" | "cancel">;
  heldByProvider: boolean;
  /** "Can be cancelled until Fri 27 Nov, 15:50" for CPSMS-held campaigns. */
  cancelUntil: string | null;
  /** "Approve both and send" when routing split the draft over both providers (approved as one). */
  approveLabel?: string;
};

/** The buttons a manager needs on a campaign, shown only when the campaign's lifecycle allows them. */
export function CampaignControls({ campaignId, controls, heldByProvider, cancelUntil, approveLabel }: Props) {
  const t = useTranslations("Campaigns.controls");
  const approve = useAction(approveCampaignAction, { success: t("approved") });
  const pause = useAction(pauseCampaignAction, { success: t("pausedToast") });
  const resume = useAction(resumeCampaignAction, { success: t("resumed") });
  const cancel = useAction(cancelCampaignAction, { success: t("cancelled") });
  const pending = approve.pending || pause.pending || resume.pending || cancel.pending;
  const cancelLocked = controls.cancel === "locked";

  return (
    <div className="flex flex-wrap items-center gap-2">
      {controls.approve ? (
        <Button size="sm" disabled={pending} onClick={() => approve.run({ campaignId })}>
          <CircleCheck aria-hidden /> {approveLabel ?? t("approve")}
        </Button>
      ) : null}
      {controls.pause ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => pause.run({ campaignId })}>
          <Pause aria-hidden /> {t("pause")}
        </Button>
      ) : null}
      {controls.resume ? (
        <Button size="sm" disabled={pending} onClick={() => resume.run({ campaignId })}>
          <Play aria-hidden /> {t("resume")}
        </Button>
      ) : null}
      {controls.cancel ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={pending || cancelLocked}>
              <Ban aria-hidden /> {t("cancel")}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("cancelTitle")}</AlertDialogTitle>
              <AlertDialogDescription>
                {t("cancelDescription", { held: heldByProvider ? "yes" : "no" })}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{t("keep")}</AlertDialogCancel>
              <AlertDialogAction onClick={() => cancel.run({ campaignId })}>{t("cancel")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
      {cancelUntil ? (
        <p className="w-full text-xs text-muted-foreground" data-testid="cancel-lock">
          {cancelLocked ? t("locked") : t("cancelUntil", { when: cancelUntil })}
        </p>
      ) : null}
    </div>
  );
}
