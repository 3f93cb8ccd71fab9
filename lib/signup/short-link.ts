/** A link as printed or shown for reading: without "https://" ("sms.cafe-rose.dk/join/table-4"). */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

/** The file name of a link's QR code, which is also the last segment of its download URL ("join-table-4.png"). */
export function qrFileName(slug: string | null, format: "png" | "svg"): string {
  return `${slug ? `join-${slug}` : "join"}.${format}`;
}
