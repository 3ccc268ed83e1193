/**
 * Writes a small PDF for the ingest tests: pages of text lines in Helvetica, with extra space
 * before a line where a paragraph starts, a larger size for headings, and document properties.
 * Only printable ASCII, which Helvetica's standard encoding covers.
 */

export interface PdfLine {
  readonly text: string;
  /** Font size; body text is 11. */
  readonly size?: number;
  /** Extra space above the line, in points (a paragraph break). */
  readonly gapBefore?: number;
}

export function makePdf(
  pages: readonly (readonly PdfLine[])[],
  info: Record<string, string>,
): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("<< /Type /Catalog /Pages 2 0 R >>");
  const pagesId = add(""); // filled in below, once the kids are known
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const kids: number[] = [];
  for (const lines of pages) {
    let y = 780;
    const ops = lines.map((line) => {
      const size = line.size ?? 11;
      y -= (line.gapBefore ?? 0) + size * 1.35;
      return `BT /F1 ${size} Tf 72 ${y.toFixed(1)} Td (${pdfString(line.text)}) Tj ET`;
    });
    const stream = ops.join("\n");
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  const infoId = add(
    `<< ${Object.entries(info)
      .map(([key, value]) => `/${key} (${pdfString(value)})`)
      .join(" ")} >>`,
  );
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}
