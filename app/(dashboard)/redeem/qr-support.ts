// Browser-only helpers: the platform's QR reader (the Barcode Detection API), which TypeScript's DOM types lack.

/** One detected barcode, as far as we read it. */
export type DetectedBarcode = { rawValue: string };

export interface QrDetector {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}

type DetectorClass = {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats?: () => Promise<string[]>;
};

function detectorClass(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

/** True when this browser has BarcodeDetector and it reads QR codes (some builds ship it without). */
export async function qrScanningSupported(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || !navigator.mediaDevices?.getUserMedia) return false;
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? [];
    return formats.includes("qr_code");
  } catch {
    return false;
  }
}

/** A QR reader (only call after qrScanningSupported said yes). */
export function newQrDetector(): QrDetector {
  const Detector = detectorClass();
  if (!Detector) throw new Error("BarcodeDetector is not available");
  return new Detector({ formats: ["qr_code"] });
}
