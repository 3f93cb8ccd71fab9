import "server-only";
import { createHash } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { type GuestLocale, INTL_LOCALE } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

export type LinkPageKind = "unknown" | "expired";

// A page with no script, no image, no form: its only style is this block, allowed by its hash.
const STYLE =
  "body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#1c1917;background:#fafaf9;line-height:1.5}" +
  "main{max-width:28rem;margin:0 auto}h1{font-size:1.35rem;margin:0 0 .75rem}p{margin:0 0 .75rem;color:#44403c}" +
  ".r{font-weight:600;color:#1c1917;margin-bottom:1.5rem}" +
  // Urdu in Nastaliq, as the app's guest pages set it; phones carry the face (iOS and Android ship Noto's).
  ':lang(ur) body{font-family:"Noto Nastaliq Urdu","Noto Naskh Arabic",system-ui,sans-serif;line-height:2}';
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

/** What the page may load: nothing but its own style; nobody may frame it. */
export const LINK_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const translators = new Map<GuestLocale, Promise<(key: string, values?: Record<string, string>) => string>>();

function translator(locale: GuestLocale) {
  let t = translators.get(locale);
  if (!t) {
    t = loadMessages(locale).then((messages) => {
      const tr = createTranslator({ locale: INTL_LOCALE[locale], messages, namespace: "Guest.shortLink" as never });
      return (key: string, values?: Record<string, string>) => (tr as (k: string, v?: object) => string)(key, values);
    });
    translators.set(locale, t);
  }
  return t;
}

/**
 * The friendly page for a short link that leads nowhere (unknown, mistyped, cut off) or no longer does
 * (expired): the restaurant's name and what happened, in the guest's language. Plain HTML from the launcher,
 * so a burst of old links costs no page render.
 */
export async function linkPage(kind: LinkPageKind, locale: GuestLocale, restaurant: string): Promise<string> {
  const t = await translator(locale);
  const title = t(`${kind}Title`);
  const body = t(`${kind}Body`, { restaurant });
  return `<!doctype html><html lang="${locale}" dir="${locale === "ur" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><p class="r">${escapeHtml(restaurant)}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
