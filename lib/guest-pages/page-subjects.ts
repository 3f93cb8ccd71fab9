import "server-only";
import { cache } from "react";
import { findOptOut } from "@/lib/consent/opt-out";
import { getDb } from "@/lib/db";
import { findGuestOffer } from "@/lib/offers/guest-offer";
import { findSignupLink } from "@/lib/signup/find-signup-link";

/*
 * What a guest page's token points at, looked up once per request: the page's language (the guest's own, in
 * lib/i18n/request-locale.ts) and the page itself both need it, and React's cache() lets them share one query.
 */

/** /o/<token>: the guest whose opt-out link it is. */
export const optOutOf = cache((token: string) => findOptOut(getDb(), token));

/** /j/<token>: the pending sign-up the confirmation link belongs to. */
export const signupLinkOf = cache((token: string) => findSignupLink(getDb(), token));

/** /c/<token>: the offer code on a guest's signed offer page. */
export const guestOfferOf = cache((token: string) => findGuestOffer(getDb(), token));
