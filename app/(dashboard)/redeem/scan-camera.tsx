"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { parseOfferCode } from "@/lib/offers/offer-code";
import { newQrDetector } from "./qr-support";

/** How often a frame is read: often enough to feel instant, rarely enough to leave a cheap phone's CPU alone. */
const DETECT_EVERY_MS = 200;

type Problem = "denied" | "unavailable" | "notACode" | null;

/**
 * The rear camera's picture, read for a QR code until one holds an offer code; then `onCode` gets what it said.
 * The camera stops when a code is found and whenever this unmounts (the dialog closed).
 */
export function ScanCamera({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("Redeem.scan");
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const found = useRef(onCode);
  found.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };

    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: "environment" } },
          audio: false,
        });
      } catch (error) {
        const name = error instanceof DOMException ? error.name : "";
        if (!stopped) setProblem(name === "NotAllowedError" || name === "SecurityError" ? "denied" : "unavailable");
        return;
      }
      const el = video.current;
      if (stopped || !el) return stop();
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      const detector = newQrDetector();
      const tick = async () => {
        if (stopped) return;
        try {
          if (el.readyState >= el.HAVE_CURRENT_DATA) {
            for (const { rawValue } of await detector.detect(el)) {
              if (parseOfferCode(rawValue)) {
                stop();
                found.current(rawValue);
                return;
              }
              setProblem("notACode");
            }
          }
        } catch {
          // A frame the detector couldn't read (still starting, resizing): try the next one.
        }
        timer = setTimeout(tick, DETECT_EVERY_MS);
      };
      tick();
    }
    start();
    return stop;
  }, []);

  if (problem === "denied" || problem === "unavailable") {
    return (
      <Alert variant="destructive" role="alert">
        <AlertDescription>{t(problem)}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="space-y-2">
      {/* The camera's picture has nothing to hear or caption; muted and inline so phones play it in place. */}
      <video
        ref={video}
        muted
        playsInline
        className="aspect-square w-full rounded-md bg-black object-cover"
        aria-label={t("preview")}
      />
      <p className="text-sm text-muted-foreground" role="status">
        {problem === "notACode" ? t("notACode") : t("looking")}
      </p>
    </div>
  );
}
