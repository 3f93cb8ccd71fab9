// Limits and choices the forms show, apart from the schemas that enforce them: a client component that needs
// only these doesn't bundle zod. The schema modules re-export them.

/** A saved template's name, at most (lib/validation/message-template.ts). */
export const TEMPLATE_NAME_MAX = 80;

// The limits are also written out in Auth.validation.passwordMin/passwordMax: change both together.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Sources staff may pick when recording consent by hand (import, opt-out link and GDPR are set by the app). */
export const MANUAL_GRANT_SOURCES = ["in_person", "web_form", "staff"] as const;
export type ManualGrantSource = (typeof MANUAL_GRANT_SOURCES)[number];

/** Languages offered for a guest's messages (BCP 47; "" is the restaurant's default). Labels: `Contacts.languages.<code>`. */
export const LANGUAGES = ["", "da", "en", "ur", "de", "sv", "nb"] as const;
