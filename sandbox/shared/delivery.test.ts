import { describe, expect, it } from "vitest";
import { DeliveryPlanner } from "./delivery";

describe("DeliveryPlanner", () => {
  it("draws a repeatable weighted mix from its seed", () => {
    const draw = () => {
      const planner = new DeliveryPlanner({ mix: { delivered: 8, failed: 1, buffered: 1 }, seed: 42 });
      return Array.from({ length: 1000 }, (_, i) => planner.outcomeFor(`45${i}`));
    };
    const first = draw();
    expect(draw()).toEqual(first);
    const count = (o: string) => first.filter((x) => x === o).length;
    expect(count("delivered")).toBeGreaterThan(700);
    expect(count("failed")).toBeGreaterThan(50);
    expect(count("buffered")).toBeGreaterThan(50);
    expect(count("abandoned")).toBe(0);
  });

  it("lets a number override the mix until reset", () => {
    const planner = new DeliveryPlanner();
    planner.setOutcome("4520202020", "failed");
    expect(planner.outcomeFor("4520202020")).toBe("failed");
    expect(planner.outcomeFor("4530303030")).toBe("delivered");
    planner.reset();
    expect(planner.outcomeFor("4520202020")).toBe("delivered");
    expect(() => new DeliveryPlanner({ mix: { delivered: 0 } })).toThrow(RangeError);
  });
});
