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
    <li className="rounded-lg border bg-card p-3 sm:p-4" data-testid={`signup-link-${slug ?? "plain"}`}>
      <div className="flex gap-4">
        <QrCode
          size={link.qr.size}
          d={link.qr.d}
          label={t("qrLabel", { name })}
          className="size-24 shrink-0 rounded-sm border sm:size-28"
        />
        <div className="min-w-0 flex-1 space-y-2">
          <div>
            <p className="truncate font-medium">{name}</p>
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
      </div>
      {link.id ? (
        <div className="mt-3 flex justify-end gap-1 border-t pt-2">
          <SourceActions id={link.id} name={name} />
        </div>
      ) : null}
    </li>
  );
}
