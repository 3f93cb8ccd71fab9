import { apiVisitsBench } from "./api-visits";
import { automationsDailyBench } from "./automations-daily";
import { claimCapBench } from "./claim-cap";
import { contactsImportBench } from "./contacts-import";
import { contactsTableBench } from "./contacts-table";
import { dlrIngestBench } from "./dlr-ingest";
import { historyBench } from "./history";
import { lighthouseBench } from "./lighthouse";
import { linksRedirectBench } from "./links-redirect";
import { loadBench } from "./load";
import { recoveryBenches } from "./recovery";
import { reportsBench } from "./reports";
import { sendBenches } from "./send-campaign";
import { signupBench } from "./signup-submit";
import type { Bench } from "./types";

/** Every bench, in the order `npm run bench` runs them. */
export const benches: Bench[] = [
  contactsImportBench,
  contactsTableBench,
  sendBenches,
  claimCapBench,
  historyBench,
  dlrIngestBench,
  lighthouseBench,
  loadBench,
  signupBench,
  apiVisitsBench,
  linksRedirectBench,
  ...recoveryBenches,
  automationsDailyBench,
  reportsBench,
];
