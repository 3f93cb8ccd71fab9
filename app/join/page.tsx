import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinPage } from "./join-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Guest.join");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = {
  searchParams: Promise<{ lang?: string | string[]; sent?: string | string[]; problem?: string | string[] }>;
};

/** The plain sign-up link (no source): `/join`. */
export default async function JoinDirectPage({ searchParams }: Props) {
  const { lang, sent, problem } = await searchParams;
  return <JoinPage slug={null} switchedLanguage={lang !== undefined} posted={{ sent, problem }} />;
}
