import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route-errors";
import { findSourceBySlug } from "@/lib/signup/find-source";
import { joinUrl } from "@/lib/signup/join-links";
import { qrPng, qrSvg } from "@/lib/signup/qr";

export const dynamic = "force-dynamic";

/** "join.png" (the plain /join link) or "join-<slug>.svg": the address is the downloaded file's name. */
const FILE = /^join(?:-([a-z0-9-]{1,40}))?\.(png|svg)$/;

/**
 * GET /settings/signup/qr/join-<slug>.png|svg: a source's QR code as a download (managers and owners), for a
 * print shop or a poster; the plain /join link's is join.png / join.svg.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    await authorize({ role: "manager" });
    const { file } = await params;
    const match = FILE.exec(file);
    if (!match) throw new AppError("NOT_FOUND", "Settings.signup.sources.errors.notFound");
    const [, slug, format] = match;
    // Archived sources too: their cards may still stand on tables, and a reprint needs the same code.
    const source = slug ? await findSourceBySlug(getDb(), slug) : null;
    if (slug && !source) throw new AppError("NOT_FOUND", "Settings.signup.sources.errors.notFound");
    const url = joinUrl(source?.slug ?? null);
    const headers = {
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "private, no-store",
    };
    if (format === "svg") {
      return new Response(await qrSvg(url), { headers: { ...headers, "content-type": "image/svg+xml" } });
    }
    return new Response(new Uint8Array(await qrPng(url)), { headers: { ...headers, "content-type": "image/png" } });
  } catch (err) {
    return errorResponse(err);
  }
}
