import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinPage } from "../join-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Guest.join");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = {
  params: Promise<{ source: string }>;
  searchParams: Promise<{ lang?: string | string[]; sent?: string | string[]; problem?: string | string[] }>;
};

/** A source's sign-up link (`/join/<slug>`): a table tent, a receipt, a poster. */
export default async function JoinFromSourcePage({ params, searchParams }: Props) {
  const [{ source }, { lang, sent, problem }] = await Promise.all([params, searchParams]);
  return <JoinPage slug={source} switchedLanguage={lang !== undefined} posted={{ sent, problem }} />;
}
