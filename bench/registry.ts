import { dlrIngestBench } from "./dlr-ingest";
import { historyBench } from "./history";
import type { Bench } from "./types";

/** Every bench, in the order `npm run bench` runs them. */
export const benches: Bench[] = [historyBench, dlrIngestBench];
