// Plain values (no secret): the editors count `{offer_link}` at its exact length before any code is drawn.
import { OFFER_CODE_EXAMPLE } from "./offer-code";

/** Where a guest's offer page lives: PUBLIC_URL/c/<code><signature>. */
export const OFFER_LINK_PATH = "/c/";
export const OFFER_LINK_SIGNATURE_LENGTH = 8;
/** A token of a real link's length (8 code characters, 8 signature characters). */
const EXAMPLE_TOKEN = `${OFFER_CODE_EXAMPLE.replace("-", "")}a1B2c3D4`;
/** The catalogue's example, for previews that know no address (the real one has the install's PUBLIC_URL). */
export const OFFER_LINK_EXAMPLE = `https://cdr.dk${OFFER_LINK_PATH}${EXAMPLE_TOKEN}`;

/**
 * An offer link of the real length, from any guest's opt-out link (PUBLIC_URL/o/<token>, which the editors are
 * given): same address, so the same length as every link that will be sent. Without one, the catalogue's example.
 */
export function exampleOfferUrl(optOutUrl: string | null | undefined): string {
  const at = optOutUrl?.lastIndexOf("/o/") ?? -1;
  return optOutUrl && at >= 0 ? `${optOutUrl.slice(0, at)}${OFFER_LINK_PATH}${EXAMPLE_TOKEN}` : OFFER_LINK_EXAMPLE;
}
