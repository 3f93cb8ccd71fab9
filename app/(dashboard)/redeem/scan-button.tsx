"use client";

import { ScanLine } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { qrScanningSupported } from "./qr-support";

// The camera and the detector loop load only when staff first press Scan (CONTRIBUTING: script a phone downloads).
const ScanCamera = lazy(() => import("./scan-camera").then((m) => ({ default: m.ScanCamera })));

/** The hash that reopens the scanner after the full load that gives this page its camera permission. */
const SCAN_HASH = "#scan";

/**
 * "Scan", only where the browser can read QR codes itself (BarcodeDetector with qr_code: Chrome on Android,
 * Safari on iOS 17+ behind a flag, ...): elsewhere nothing shows and typing is the way in. Decided after mount, so
 * the server's HTML (which can't know) never flashes a button that then vanishes.
 */
export function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const t = useTranslations("Redeem.scan");
  const [supported, setSupported] = useState(false);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    qrScanningSupported().then((ok) => {
      if (!live || !ok) return;
      setSupported(true);
      if (window.location.hash === SCAN_HASH) {
        history.replaceState(null, "", window.location.pathname);
        setOpen(true);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  if (!supported) return null;
  return (
    <>
      <Button
        type="button"
        variant="outline"
        className="h-12 w-full text-base"
        onClick={() => {
          // The camera is allowed only on this page's own document (Permissions-Policy, next.config.ts): reached
          // by a client-side navigation, the document is another page's, so load this one for real first.
          // (A reload, since going to the same path with only a new hash would not load anything.)
          if (!cameraAllowedHere()) {
            history.replaceState(null, "", `${window.location.pathname}${SCAN_HASH}`);
            window.location.reload();
            return;
          }
          setOpen(true);
        }}
      >
        <ScanLine aria-hidden />
        {t("button")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          {open && (
            <Suspense fallback={<p className="text-sm text-muted-foreground">{t("starting")}</p>}>
              <ScanCamera
                onCode={(code) => {
                  setOpen(false);
                  onCode(code);
                }}
              />
            </Suspense>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}

/** False when this document's Permissions-Policy forbids the camera (Chromium says; others are assumed to allow). */
function cameraAllowedHere(): boolean {
  const policy = (document as { featurePolicy?: { allowsFeature?: (feature: string) => boolean } }).featurePolicy;
  return policy?.allowsFeature?.("camera") ?? true;
}
