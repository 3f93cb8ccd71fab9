"use client";

import { useTranslations } from "next-intl";
import { type Dispatch, type SetStateAction, useState } from "react";
import type { ColumnMapping } from "@/lib/contacts/import/column-mapping";
import type { ImportAnalysis } from "@/lib/contacts/import/import-contacts";
import type { PreviewFilter } from "@/lib/contacts/import/import-preview";
import { errorOf } from "./error-of";
import { saveCsvDownload } from "./import-result";

type Options = {
  file: File | null;
  analysis: ImportAnalysis | null;
  mapping: ColumnMapping | null;
  /** Sends the file to be analysed again, landing on the given page. */
  analyze: (
    f: File,
    mapping?: ColumnMapping,
    view?: { page: number; filter: PreviewFilter },
  ) => Promise<ImportAnalysis | null>;
  setAnalysis: Dispatch<SetStateAction<ImportAnalysis | null>>;
};

/** From the preview the server kept; "gone" once it expired or another web process answers (then: analyse again). */
async function fetchKept(token: string | null, params: Record<string, string>): Promise<Response | "gone"> {
  if (!token) return "gone";
  const res = await fetch(`/contacts/import/preview?${new URLSearchParams({ token, ...params })}`, {
    cache: "no-store",
  });
  return res.status === 404 ? "gone" : res;
}

/** Paging and the rejected-rows report of an import preview, from the rows the server kept for it. */
export function useKeptPreview({ file, analysis, mapping, analyze, setAnalysis }: Options) {
  const t = useTranslations("Contacts.import");
  const words = { answered: (status: number) => t("status.answered", { status }), tooLarge: t("status.tooLarge") };
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<void>, failure: string) {
    setLoading(true);
    setError(null);
    try {
      await work();
    } catch {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }

  const show = (page: number, filter: PreviewFilter) =>
    run(async () => {
      if (!file || !analysis) return;
      const res = await fetchKept(analysis.preview.token, { page: String(page), filter });
      if (res === "gone") await analyze(file, mapping ?? undefined, { page, filter });
      else if (res.ok) {
        const preview = (await res.json()) as ImportAnalysis["preview"];
        setAnalysis((a) => (a ? { ...a, preview } : a));
      } else setError(await errorOf(res, words));
    }, t("preview.loadFailed"));

  const downloadRejected = () =>
    run(async () => {
      if (!file || !analysis) return;
      let res = await fetchKept(analysis.preview.token, { format: "csv" });
      if (res === "gone") {
        const fresh = await analyze(file, mapping ?? undefined, {
          page: analysis.preview.page,
          filter: analysis.preview.filter,
        });
        res = fresh ? await fetchKept(fresh.preview.token, { format: "csv" }) : "gone";
      }
      if (res === "gone" || !res.ok) {
        setError(res === "gone" ? t("preview.reportGone") : await errorOf(res, words));
        return;
      }
      saveCsvDownload(await res.blob(), "rejected-rows.csv");
    }, t("preview.reportFailed"));

  return { loading, error, show, downloadRejected };
}
