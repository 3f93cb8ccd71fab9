import QRCode from "qrcode";

// Medium error correction survives a scuffed or folded table card; a two-module quiet zone is what phone cameras
// need around the code (the printed card adds white space of its own).
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

/** Pixel width of the PNG download: sharp on an A4 poster, not only on the A6 card. */
const PNG_WIDTH_PX = 1024;

/** The QR code of a link as a PNG (black on white). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png", width: PNG_WIDTH_PX });
}

/** The QR code of a link as an SVG document (black on white), for print shops and design tools. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: "svg" });
}

/**
 * The QR code as one SVG path in module units (`size` includes the quiet zone), so a page can draw it as its
 * own <svg> element: no inner HTML, and it prints as crisp as the SVG file.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // One rectangle per run of dark modules in the row.
      parts.push(`M${start + OPTIONS.margin} ${row + OPTIONS.margin}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: n + 2 * OPTIONS.margin, d: parts.join("") };
}
