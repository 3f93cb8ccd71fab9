"use client";

import { Ban, CircleCheck, Pause, Play } from "lucide-react";
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
  const approve = useAction(approveCampaignAction, { success: "Approved: it goes out as planned." });
  const pause = useAction(pauseCampaignAction, { success: "Paused. Nothing more goes out until you resume." });
  const resume = useAction(resumeCampaignAction, { success: "Resumed: only guests not yet texted will get it." });
  const cancel = useAction(cancelCampaignAction, { success: "Campaign cancelled." });
  const pending = approve.pending || pause.pending || resume.pending || cancel.pending;
  const cancelLocked = controls.cancel === "locked";

  return (
    <div className="flex flex-wrap items-center gap-2">
      {controls.approve ? (
        <Button size="sm" disabled={pending} onClick={() => approve.run({ campaignId })}>
          <CircleCheck aria-hidden /> {approveLabel ?? "Approve and send"}
        </Button>
      ) : null}
      {controls.pause ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => pause.run({ campaignId })}>
          <Pause aria-hidden /> Pause
        </Button>
      ) : null}
      {controls.resume ? (
        <Button size="sm" disabled={pending} onClick={() => resume.run({ campaignId })}>
          <Play aria-hidden /> Resume
        </Button>
      ) : null}
      {controls.cancel ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={pending || cancelLocked}>
              <Ban aria-hidden /> Cancel campaign
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Cancel this campaign?</AlertDialogTitle>
              <AlertDialogDescription>
                Messages not yet sent won&apos;t go out.{" "}
                {heldByProvider ? "CPSMS is asked to delete the ones it holds." : ""} Messages already sent can&apos;t
                be recalled.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep it</AlertDialogCancel>
              <AlertDialogAction onClick={() => cancel.run({ campaignId })}>Cancel campaign</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
      {cancelUntil ? (
        <p className="w-full text-xs text-muted-foreground" data-testid="cancel-lock">
          {cancelLocked
            ? "Locked: CPSMS no longer allows cancelling within 10 minutes of the send time."
            : `CPSMS holds these messages. They can be cancelled until ${cancelUntil}.`}
        </p>
      ) : null}
    </div>
  );
}
