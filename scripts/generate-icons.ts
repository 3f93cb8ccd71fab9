/**
 * `npm run icons`: renders the home-screen icons in public/ from app/icon.svg with the Chromium the e2e suite
 * already uses (offline, no image library). Run it after changing app/icon.svg and commit the PNGs.
 *
 * - icons/icon-192.png, icons/icon-512.png: the icon as drawn (rounded square, transparent corners).
 * - icons/maskable-512.png: full-bleed background with the glyph inside the central 80% circle that Android
 *   keeps whatever mask (circle, squircle) the launcher applies.
 * - apple-touch-icon.png (180 px): full-bleed; iOS rounds the corners itself and fills transparency with black.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { E2E } from "@/e2e/support/config";

const root = path.resolve(__dirname, "..");
const source = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");

/** The same drawing on a square background with no rounded corners and the glyph scaled to `glyph` of the side. */
function fullBleed(glyph: number): string {
  const ROUNDED = ' rx="7"';
  const GLYPH = 'transform="translate(7 7) scale(0.75)"';
  if (!source.includes(ROUNDED) || !source.includes(GLYPH))
    throw new Error("app/icon.svg changed shape: update scripts/generate-icons.ts");
  const scale = (32 * glyph) / 24; // the glyph is a 24-unit icon in a 32-unit square
  const offset = (32 - 24 * scale) / 2;
  return source.replace(ROUNDED, "").replace(GLYPH, `transform="translate(${offset} ${offset}) scale(${scale})"`);
}

const ICONS = [
  { file: "icons/icon-192.png", size: 192, svg: source },
  { file: "icons/icon-512.png", size: 512, svg: source },
  { file: "icons/maskable-512.png", size: 512, svg: fullBleed(0.5) },
  { file: "apple-touch-icon.png", size: 180, svg: fullBleed(0.5625) },
];

async function main() {
  const browser = await chromium.launch({ executablePath: E2E.chromiumPath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      const svg = icon.svg.replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const out = path.join(root, "public", icon.file);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      await page.screenshot({
        path: out,
        omitBackground: true,
        clip: { x: 0, y: 0, width: icon.size, height: icon.size },
      });
      await page.close();
      console.log(`${path.relative(root, out)}  ${icon.size}×${icon.size}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
