import { Download, Printer } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QrCode } from "@/components/signup/qr-code";
import { Button } from "@/components/ui/button";
import { qrFileName, shortLink } from "@/lib/signup/short-link";
import { SourceActions } from "./source-actions";

/** One sign-up link on the list: a source's (id set) or the plain /join (id null). */
export type SignupLink = {
  id: string | null;
  slug: string | null;
  name: string;
  url: string;
  qr: { size: number; d: string };
};

/** A link with its QR code, its downloads and printable card, and (for a source) rename and archive. */
export async function SourceCard({ link }: { link: SignupLink }) {
  const t = await getTranslations("Settings.signup.sources");
  const { name, slug, url } = link;
  const download = (format: "png" | "svg") => `/settings/signup/qr/${qrFileName(slug, format)}`;
  const card = slug ? `/settings/signup/card?source=${slug}` : "/settings/signup/card";
  return (
    // A phone: rename and archive on a row of their own under the link; wider: beside it, top right.
    <li
      className="grid min-w-0 grid-cols-[auto_minmax(0,1fr)] gap-x-4 rounded-lg border bg-card p-3 sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:p-4"
      data-testid={`signup-link-${slug ?? "plain"}`}
    >
      <QrCode
        size={link.qr.size}
        d={link.qr.d}
        label={t("qrLabel", { name })}
        className="size-24 rounded-sm border sm:size-28"
      />
      <div className="min-w-0 space-y-2">
        <div>
          <p className="font-medium break-words">{name}</p>
          <a
            href={url}
            target="_blank"
            rel="noopener"
            className="block text-sm break-all text-muted-foreground underline-offset-4 hover:underline"
          >
            {shortLink(url)}
          </a>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <a href={download("png")} download aria-label={t("downloadPng", { name })}>
              <Download aria-hidden /> PNG
            </a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <a href={download("svg")} download aria-label={t("downloadSvg", { name })}>
              <Download aria-hidden /> SVG
            </a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <Link href={card} prefetch={false} aria-label={t("cardLabel", { name })}>
              <Printer aria-hidden /> {t("card")}
            </Link>
          </Button>
        </div>
      </div>
      {link.id ? (
        <div className="col-span-2 mt-3 flex justify-end gap-1 border-t pt-2 sm:col-span-1 sm:mt-0 sm:flex-col sm:items-stretch sm:border-t-0 sm:pt-0">
          <SourceActions id={link.id} name={name} />
        </div>
      ) : null}
    </li>
  );
}
