import { z } from "zod";

// In the browser, zod's JIT (compiled object parsers) first probes `Function("")`; our Content-Security-Policy
// has no 'unsafe-eval', so the probe is refused and reported as a CSP violation on every page with a form. The
// forms' schemas are small: parse them without the JIT there. The server keeps it. Imported first by every
// schema module in lib/validation, so it is set before any schema is built (zod reads it when one is).
if (typeof window !== "undefined") z.config({ jitless: true });
