/**
 * Parses CPSMS amounts. The API writes them the Danish way ("9.843,40": dot = thousands, comma = decimals);
 * plain numbers and "1234.50" (seen in third-party mocks) are accepted too. Returns NaN when unreadable.
 */
export function parseDanishNumber(value: string | number): number {
  if (typeof value === "number") return value;
  const text = value.trim().replace(/\s/g, "");
  if (!/^-?[\d.,]+$/.test(text)) return Number.NaN;
  if (text.includes(",")) return Number(text.replace(/\./g, "").replace(",", "."));
  // Without a comma a dot is only thousands when every group after it has exactly three digits.
  if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ""));
  return Number(text);
}

/** Formats a number the way CPSMS reports credit, e.g. 9843.4 → "9.843,40". */
export function formatDanishNumber(value: number): string {
  const [whole, decimals] = Math.abs(value).toFixed(2).split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 ? "-" : ""}${grouped},${decimals ?? "00"}`;
}
