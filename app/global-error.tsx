"use client";

import { createTranslator } from "next-intl";
import { useEffect, useState } from "react";
import { INTL_LOCALE, type StaffLocale } from "@/lib/i18n/locales";
import da from "@/messages/da/Errors.json";
import en from "@/messages/en/Errors.json";

/**
 * What shows when the root layout itself fails (the database unreachable at the first request, say), instead of
 * Next's English-only default. It stands in for the whole document: none of the app's providers are there, so the
 * language is the browser's (Danish or English) and the few styles are inline.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English on the server and at the first render, then the browser's language: the same markup both sides.
  const [locale, setLocale] = useState<StaffLocale>("en");
  useEffect(() => {
    if (navigator.language.toLowerCase().startsWith("da")) setLocale("da");
    console.error(error);
  }, [error]);
  const t = createTranslator({
    locale: INTL_LOCALE[locale],
    messages: { Errors: locale === "da" ? da : en },
    namespace: "Errors.fatal",
  });
  return (
    <html lang={locale}>
      <body style={{ fontFamily: "system-ui, sans-serif", margin: 0, padding: "4rem 1.5rem", color: "#1c1917" }}>
        <main role="alert" style={{ maxWidth: "32rem", margin: "0 auto" }}>
          <h1 style={{ fontSize: "1.5rem", margin: "0 0 0.75rem" }}>{t("title")}</h1>
          <p style={{ lineHeight: 1.5, margin: "0 0 1.5rem" }}>{t("description")}</p>
          {error.digest ? (
            <p style={{ fontFamily: "ui-monospace, monospace", fontSize: "0.875rem", margin: "0 0 1.5rem" }}>
              {error.digest}
            </p>
          ) : null}
          <button
            type="button"
            onClick={reset}
            style={{ font: "inherit", padding: "0.5rem 1rem", borderRadius: "0.375rem", border: "1px solid #a8a29e" }}
          >
            {t("retry")}
          </button>
        </main>
      </body>
    </html>
  );
}
