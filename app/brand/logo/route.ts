import { getDb } from "@/lib/db";
import { logoVersion, readLogo } from "@/lib/restaurant/logo";

export const dynamic = "force-dynamic";

/** A versioned URL (`?v=<sha256>`) names one image for good; the bare URL follows changes within minutes. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const SHORT = "public, max-age=60";

/**
 * GET /brand/logo: the restaurant's logo, public (the guest sign-up page and printed cards show it to people who
 * never sign in). Its type comes from the stored row, which was checked by its bytes on upload.
 */
export async function GET(request: Request) {
  const db = getDb();
  const wanted = new URL(request.url).searchParams.get("v");
  const version = await logoVersion(db);
  if (!version) return new Response("No logo", { status: 404, headers: { "cache-control": "no-store" } });
  const etag = `"${version}"`;
  const cacheControl = wanted === version ? IMMUTABLE : SHORT;
  if (request.headers.get("if-none-match")?.includes(etag)) {
    return new Response(null, { status: 304, headers: { etag, "cache-control": cacheControl } });
  }
  // Read after the cheap check: a revalidation (the common case) never reads the image.
  const logo = await readLogo(db);
  if (!logo) return new Response("No logo", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(logo.image), {
    headers: {
      "content-type": logo.mimeType,
      "content-length": String(logo.image.length),
      "x-content-type-options": "nosniff",
      etag: `"${logo.sha256}"`,
      "cache-control": wanted === logo.sha256 ? IMMUTABLE : SHORT,
    },
  });
}
