import { OFFER_CODE_EXAMPLE } from "@/lib/offers/offer-code";
import { OFFER_LINK_EXAMPLE } from "@/lib/offers/offer-link-shape";

/**
 * The merge fields a message can use, in one place: the parser, the validator and the editor's "Insert field"
 * menu are all built from this list, so adding a field here is the whole change.
 */
export const MERGE_FIELDS = [
  {
    name: "first_name",
    label: "First name",
    description: "The guest's first name. Add a fallback for guests without one: {first_name|there}.",
    example: "Mette",
    personal: true,
    suggestedFallback: "there",
  },
  {
    name: "last_name",
    label: "Last name",
    description: "The guest's last name. Rarely needed in a text; add a fallback if you use it.",
    example: "Jensen",
    personal: true,
    suggestedFallback: "",
  },
  {
    name: "restaurant",
    label: "Restaurant name",
    description: "Your restaurant's name from Settings.",
    example: "Cafe Rose",
    personal: false,
    suggestedFallback: null,
  },
  {
    name: "opt_out_link",
    label: "Opt-out link",
    description: "The guest's own short link to stop receiving texts.",
    example: "https://cdr.dk/s/a1B2c3",
    personal: false,
    suggestedFallback: null,
  },
  {
    name: "offer_code",
    label: "Offer code",
    description: "The guest's own code for the offer this text carries, shown at the till (Redeem).",
    // Every code is 9 GSM-7 characters (XXXX-XXXX), so counts made with the example are exact.
    example: OFFER_CODE_EXAMPLE,
    personal: false,
    suggestedFallback: null,
  },
  {
    name: "offer_link",
    label: "Offer link",
    description: "The guest's own page for the offer: the code big and as a QR code, to show at the till.",
    // PUBLIC_URL/c/ + 16 characters for every guest: the editors count it with the install's own address.
    example: OFFER_LINK_EXAMPLE,
    personal: false,
    suggestedFallback: null,
  },
] as const satisfies readonly MergeFieldDefinition[];

export interface MergeFieldDefinition {
  /** What goes between the braces. */
  name: string;
  label: string;
  description: string;
  /** Shown in previews when no real guest is at hand. */
  example: string;
  /** Personal fields may be empty for some guests, so a fallback is recommended. */
  personal: boolean;
  /** What the "Insert field" menu adds after the "|" (null: inserted without a fallback). */
  suggestedFallback: string | null;
}

export type MergeFieldName = (typeof MERGE_FIELDS)[number]["name"];

/** Names staff often type for a field; checked before spelling distance so "{name}" suggests {first_name}. */
export const MERGE_FIELD_ALIASES: Record<string, MergeFieldName> = {
  name: "first_name",
  firstname: "first_name",
  fname: "first_name",
  fornavn: "first_name",
  lastname: "last_name",
  surname: "last_name",
  efternavn: "last_name",
  restaurant_name: "restaurant",
  business: "restaurant",
  optout: "opt_out_link",
  opt_out: "opt_out_link",
  optout_link: "opt_out_link",
  stop_link: "opt_out_link",
  unsubscribe: "opt_out_link",
  unsubscribe_link: "opt_out_link",
  code: "offer_code",
  offercode: "offer_code",
  coupon: "offer_code",
  voucher: "offer_code",
  rabatkode: "offer_code",
  offer_url: "offer_link",
  offerlink: "offer_link",
  coupon_link: "offer_link",
};

const BY_NAME = new Map<string, MergeFieldDefinition>(MERGE_FIELDS.map((f) => [f.name, f]));

/** The catalogue entry for a field name, or undefined when the name is not a merge field. */
export function getMergeField(name: string): (typeof MERGE_FIELDS)[number] | undefined {
  return BY_NAME.get(name) as (typeof MERGE_FIELDS)[number] | undefined;
}

/** True when the name is one of the catalogue's fields. */
export function isMergeFieldName(name: string): name is MergeFieldName {
  return BY_NAME.has(name);
}

/** The text the "Insert field" menu puts at the caret, e.g. "{first_name|there}". */
export function mergeFieldSnippet(field: MergeFieldDefinition): string {
  return field.suggestedFallback ? `{${field.name}|${field.suggestedFallback}}` : `{${field.name}}`;
}

/** Every field's example value, for previews when no real guest is at hand. */
export function exampleMergeValues(): {
  firstName: string;
  lastName: string;
  restaurant: string;
  optOutUrl: string;
  offerCode: string;
  offerUrl: string;
} {
  const example = (name: MergeFieldName) => getMergeField(name)?.example ?? "";
  return {
    firstName: example("first_name"),
    lastName: example("last_name"),
    restaurant: example("restaurant"),
    optOutUrl: example("opt_out_link"),
    offerCode: example("offer_code"),
    offerUrl: example("offer_link"),
  };
}
