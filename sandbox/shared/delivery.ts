/** How a sent SMS ends up. "buffered" = first reported as buffered, then delivered. */
export type DeliveryOutcome = "delivered" | "failed" | "buffered" | "abandoned";
export const DELIVERY_OUTCOMES: readonly DeliveryOutcome[] = ["delivered", "failed", "buffered", "abandoned"];

export interface DeliveryOptions {
  /** Time from sending to the first status change / delivery report. Default 50 ms. */
  delayMs?: number;
  /** For "buffered": time from the buffered report to the final one. Default 50 ms. */
  bufferedDelayMs?: number;
  /** Relative weights of outcomes; default all delivered. */
  mix?: Partial<Record<DeliveryOutcome, number>>;
  /** Seed for the outcome draw, so a mix is repeatable. */
  seed?: number;
}

/** Chooses outcomes: a per-number override first, else a seeded weighted draw from the mix. */
export class DeliveryPlanner {
  readonly delayMs: number;
  readonly bufferedDelayMs: number;
  private readonly weights: Array<[DeliveryOutcome, number]>;
  private readonly seed: number;
  private readonly overrides = new Map<string, DeliveryOutcome>();
  private random: () => number;

  constructor(options: DeliveryOptions = {}) {
    this.delayMs = options.delayMs ?? 50;
    this.bufferedDelayMs = options.bufferedDelayMs ?? 50;
    const mix = options.mix ?? { delivered: 1 };
    this.weights = DELIVERY_OUTCOMES.map((o): [DeliveryOutcome, number] => [o, Math.max(0, mix[o] ?? 0)]).filter(
      ([, w]) => w > 0,
    );
    if (this.weights.length === 0) throw new RangeError("delivery mix needs at least one positive weight");
    this.seed = options.seed ?? 1;
    this.random = mulberry32(this.seed);
  }

  outcomeFor(number: string): DeliveryOutcome {
    const override = this.overrides.get(number);
    if (override) return override;
    const total = this.weights.reduce((sum, [, w]) => sum + w, 0);
    let pick = this.random() * total;
    for (const [outcome, weight] of this.weights) {
      pick -= weight;
      if (pick < 0) return outcome;
    }
    return (this.weights[this.weights.length - 1] as [DeliveryOutcome, number])[0];
  }

  /** Forces the outcome for one number (null removes the override). */
  setOutcome(number: string, outcome: DeliveryOutcome | null): void {
    if (outcome === null) this.overrides.delete(number);
    else this.overrides.set(number, outcome);
  }

  reset(): void {
    this.overrides.clear();
    this.random = mulberry32(this.seed);
  }
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
