"use client";

import { Ban, CircleCheck, Pause, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
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
import type { CampaignStatus } from "@/drizzle/schema/campaign-statuses";
import { approveCampaignAction, cancelCampaignAction, pauseCampaignAction, resumeCampaignAction } from "../actions";

type Props = {
  campaignId: string;
  status: CampaignStatus;
  heldByProvider: boolean;
  /** "Can be cancelled until Fri 27 Nov, 15:50" for CPSMS-held campaigns. */
  cancelUntil: string | null;
  cancelLocked: boolean;
  /** "Approve both and send" when routing split the draft over both providers (approved as one). */
  approveLabel?: string;
};

/** The buttons a manager needs on a campaign, shown only when they apply. */
export function CampaignControls({
  campaignId,
  status,
  heldByProvider,
  cancelUntil,
  cancelLocked,
  approveLabel,
}: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = (action: typeof pauseCampaignAction, success: string) =>
    startTransition(async () => {
      const result = await action({ campaignId });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(success);
      router.refresh();
    });

  const canPause = ["queued", "sending"].includes(status) || (status === "scheduled" && !heldByProvider);
  const canCancel = ["draft", "queued", "sending", "paused", "scheduled"].includes(status);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === "draft" ? (
        <Button
          size="sm"
          disabled={pending}
          onClick={() => run(approveCampaignAction, "Approved: it goes out as planned.")}
        >
          <CircleCheck aria-hidden /> {approveLabel ?? "Approve and send"}
        </Button>
      ) : null}
      {canPause ? (
        <Button
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => run(pauseCampaignAction, "Paused. Nothing more goes out until you resume.")}
        >
          <Pause aria-hidden /> Pause
        </Button>
      ) : null}
      {status === "paused" ? (
        <Button
          size="sm"
          disabled={pending}
          onClick={() => run(resumeCampaignAction, "Resumed: only guests not yet texted will get it.")}
        >
          <Play aria-hidden /> Resume
        </Button>
      ) : null}
      {canCancel ? (
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
              <AlertDialogAction onClick={() => run(cancelCampaignAction, "Campaign cancelled.")}>
                Cancel campaign
              </AlertDialogAction>
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
