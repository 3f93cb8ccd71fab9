import { describe, expect, it } from "vitest";
import { qrPath, qrPng, qrSvg } from "./qr";

const LINK = "https://sms.cafe-rose.dk/join/table-4";

describe("QR codes", () => {
  it("makes a PNG and an SVG of a link", async () => {
    const png = await qrPng(LINK);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(1024); // the IHDR width: sharp enough for a poster
    const svg = await qrSvg(LINK);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it("draws the same code as one path, with the quiet zone", () => {
    const { size, d } = qrPath(LINK);
    // A link this long is a version 3 code at level M: 29 modules, plus 2 on each side.
    expect(size).toBe(29 + 4);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    // The finder pattern's top row starts inside the quiet zone's corner.
    expect(d.startsWith("M2 2h7v1h-7z")).toBe(true);
  });
});
