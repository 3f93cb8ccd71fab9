import { describe, expect, it } from "vitest";
import { LOGO_MAX_BYTES, logoProblem, sniffLogoType } from "./logo-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], "IHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], [0, 16], "JFIF");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");

describe("logo type, by the file's bytes", () => {
  it("recognises PNG, JPEG and WebP", () => {
    expect(sniffLogoType(PNG)).toBe("image/png");
    expect(sniffLogoType(JPEG)).toBe("image/jpeg");
    expect(sniffLogoType(WEBP)).toBe("image/webp");
    for (const ok of [PNG, JPEG, WEBP]) expect(logoProblem(1000, ok)).toBeNull();
  });

  it("refuses what only looks like an image by name, with the reason", () => {
    expect(logoProblem(500, bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBe("svg");
    expect(logoProblem(500, bytes('  <?xml version="1.0"?><svg>'))).toBe("svg");
    expect(logoProblem(500, bytes("GIF89a", [1, 0, 1, 0]))).toBe("gif");
    expect(logoProblem(500, bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0]))).toBe("heic");
    expect(logoProblem(500, bytes("%PDF-1.7\n"))).toBe("notImage");
    expect(logoProblem(500, bytes("<html><script>alert(1)</script>"))).toBe("notImage");
    // A PNG signature alone, without the header chunk every PNG starts with, is not a PNG.
    expect(logoProblem(500, PNG.subarray(0, 8))).toBe("notImage");
    // RIFF, but a WAV file.
    expect(logoProblem(500, bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBe("notImage");
  });

  it("refuses an empty file and one over the size limit, whatever its type", () => {
    expect(logoProblem(0, new Uint8Array())).toBe("empty");
    expect(logoProblem(LOGO_MAX_BYTES, PNG)).toBeNull();
    expect(logoProblem(LOGO_MAX_BYTES + 1, PNG)).toBe("tooLarge");
  });
});
