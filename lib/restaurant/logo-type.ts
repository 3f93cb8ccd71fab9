// Client-safe: the logo form checks a file with these before sending it, and lib/restaurant/logo.ts again on the
// server (the browser's check is only a courtesy).

/** The largest logo accepted: plenty for a sharp logo on a phone and a printed card, small for the guest page. */
export const LOGO_MAX_BYTES = 512 * 1024;

/** How many leading bytes `logoProblem` needs to tell the types apart. */
export const LOGO_HEAD_BYTES = 16;

export type LogoMimeType = "image/png" | "image/jpeg" | "image/webp";

/** Why a file can't be the logo; each has its own message (Settings.restaurant.logo.errors.<problem>). */
export type LogoProblem = "empty" | "tooLarge" | "svg" | "gif" | "heic" | "notImage";

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The image type a file's first bytes say it is (PNG, JPEG or WebP), or null. Never the name or the browser's
 * MIME type: both are the sender's word, and an SVG (which can carry script) renamed to .png must not pass.
 */
export function sniffLogoType(head: Uint8Array): LogoMimeType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  // A PNG's first chunk is always its header (IHDR).
  if (png.every((b, i) => head[i] === b) && ascii(head, 12, 16) === "IHDR") return "image/png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP" && ascii(head, 12, 15) === "VP8")
    return "image/webp";
  return null;
}

/** What is wrong with a file offered as the logo, from its size and first bytes; null when it will do. */
export function logoProblem(size: number, head: Uint8Array): LogoProblem | null {
  if (size === 0) return "empty";
  if (size > LOGO_MAX_BYTES) return "tooLarge";
  if (sniffLogoType(head)) return null;
  // The usual wrong choices get their own advice; anything else is "not a PNG, JPEG or WebP image".
  const text = new TextDecoder().decode(head).trimStart().toLowerCase();
  if (text.startsWith("<svg") || text.startsWith("<?xml") || text.startsWith("<!doctype svg")) return "svg";
  if (ascii(head, 0, 4) === "GIF8") return "gif";
  if (ascii(head, 4, 8) === "ftyp" && /^(heic|heix|hevc|mif1|msf1|avif)$/.test(ascii(head, 8, 12))) return "heic";
  return "notImage";
}
