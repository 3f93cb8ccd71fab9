import { cn } from "@/lib/utils";

/**
 * A QR code drawn from `qrPath` (lib/signup/qr.ts): black on white whatever the theme, since a camera needs the
 * contrast, and as sharp printed as on screen.
 */
export function QrCode({ size, d, label, className }: { size: number; d: string; label: string; className?: string }) {
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      className={cn("bg-white", className)}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
