import { LinkifyIt } from "linkify-it";
import { parseTemplate } from "@/lib/messages/merge-fields";

/** A link staff wrote in a message: where it is in the template and where it goes. */
export type FoundLink = { start: number; end: number; url: string };

// Fuzzy links (no scheme) are needed for "www.cafe.dk", but fuzzy matching alone also takes "Tak.Vi" (a TLD)
// for a link, so only fuzzy matches that start with "www." are kept. E-mail addresses are never links here.
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });

/**
 * The web links in a template's literal text that we may shorten: http(s) links and "www." addresses, minus
 * our own (anything on `ownOrigin`: the opt-out and sign-up links must stay as they are). linkify-it leaves
 * trailing punctuation ("… /menu.") and a closing bracket outside the link. A link that runs straight into a
 * merge field ("https://x.dk/{first_name}") differs per guest and is left as written.
 */
export function findLinks(template: string, ownOrigin: string): FoundLink[] {
  const found: FoundLink[] = [];
  const { parts } = parseTemplate(template);
  for (const [i, part] of parts.entries()) {
    if (part.type !== "text") continue;
    const next = parts[i + 1];
    for (const match of linkify.match(part.text) ?? []) {
      const fuzzy = match.schema === "";
      if (!fuzzy && match.schema.toLowerCase() !== "http:" && match.schema.toLowerCase() !== "https:") continue;
      if (fuzzy && !/^www\./i.test(match.raw)) continue;
      if (match.lastIndex === part.text.length && next?.type === "field") continue;
      // linkify-it keeps a trailing colon or semicolon in the link ("Book: https://x.dk/book: 7KQ2-M9XD", as an
      // automation's offer line ends): in a text message that is punctuation, not part of the address.
      const trailing = /[:;]+$/.exec(match.url)?.[0].length ?? 0;
      const href = match.url.slice(0, match.url.length - trailing);
      const url = webUrl(href);
      if (!url || url.origin === ownOrigin) continue;
      found.push({ start: part.start + match.index, end: part.start + match.lastIndex - trailing, url: href });
    }
  }
  return found;
}

/** Whether a template has a link we would shorten (compose shows its switch then). */
export function hasTrackableLink(template: string, ownOrigin: string): boolean {
  return findLinks(template, ownOrigin).length > 0;
}

function webUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}
