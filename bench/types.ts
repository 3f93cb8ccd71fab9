/** One line of `npm run bench` output. */
export type BenchResult = { bench: string; value: number; unit: string } & Record<string, unknown>;

export interface Bench {
  /** Every result name this bench can print; `npm run bench -- <prefix>` runs it when one of them matches. */
  names: string[];
  /**
   * Reports each result as soon as it is measured. `prefixes`: what `npm run bench -- <prefix>` asked for (empty:
   * everything); a bench with long, separable parts may skip those no prefix names.
   */
  run(report: (result: BenchResult) => void, prefixes: readonly string[]): Promise<void>;
}
