import { getCountry } from "countries-and-timezones";
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";

/** Calling codes used by one country only: their numbers need no full parse (most of an audience is +45 or +92). */
const SOLE_COUNTRY = (() => {
  const byCode = new Map<string, CountryCode[]>();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    byCode.set(code, [...(byCode.get(code) ?? []), country]);
  }
  return new Map(
    [...byCode].filter(([, countries]) => countries.length === 1).map(([code, [country]]) => [code, country!]),
  );
})();

/** The country of an E.164 number ("PK"), or null when it has none (international networks) or is malformed. */
export function countryOfNumber(e164: string): string | null {
  for (const length of [1, 2, 3]) {
    const sole = SOLE_COUNTRY.get(e164.slice(1, 1 + length));
    if (sole) return sole;
  }
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/**
 * The IANA zones a guest with this number may be in: those of the number's country. A country with several
 * (USA, Russia, Australia) gives all of them, because a mobile number doesn't say where in the country its
 * owner lives; quiet hours then hold a send until it is daytime in every one. Null when the country is unknown.
 */
export function timeZonesOfNumber(e164: string): string[] | null {
  return zonesOfCountry(countryOfNumber(e164));
}

function zonesOfCountry(country: string | null): string[] | null {
  const zones = country ? getCountry(country)?.timezones : undefined;
  return zones?.length ? [...zones] : null;
}

/** The country's name for messages ("Pakistan"), or the code when the data has none. */
export function countryName(country: string): string {
  return getCountry(country)?.name ?? country;
}

/**
 * The distinct zones of an audience, each with one of its numbers as an example; numbers of unknown country
 * count in `fallbackZone` (the restaurant's).
 */
export function audienceTimeZones(phones: Iterable<string>, fallbackZone: string): Map<string, string> {
  const zones = new Map<string, string>();
  const seenCountries = new Set<string | null>();
  for (const phone of phones) {
    const country = countryOfNumber(phone);
    if (seenCountries.has(country)) continue;
    seenCountries.add(country);
    for (const zone of zonesOfCountry(country) ?? [fallbackZone]) if (!zones.has(zone)) zones.set(zone, phone);
  }
  return zones;
}
