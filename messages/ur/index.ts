// Urdu covers the guest-facing namespaces only (lib/i18n/namespaces.ts).
import Guest from "./Guest.json";

export default { Guest };
