"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
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
  const { run, pending } = useAction(resendFailedAction, {
    success: ({ recipients }) => `Resending to ${recipients} ${recipients === 1 ? "guest" : "guests"}.`,
    onSuccess: (created) => router.push(`/campaigns/${created.campaignId}`),
  });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={pending}>
          <RotateCcw aria-hidden /> Resend to failed
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            Resend to {failed} failed {failed === 1 ? "recipient" : "recipients"}?
          </AlertDialogTitle>
          <AlertDialogDescription>
            A new campaign goes out now with each guest&apos;s same text, through the same provider. Guests who opted
            out since are left out. It costs again for every message sent.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Don&apos;t resend</AlertDialogCancel>
          <AlertDialogAction onClick={() => run({ campaignId })}>Resend</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
