// A minimal PDF writer for tests and measurements: pages of plain text in Helvetica, with
// WinAnsi encoding for typographic quotes and dashes, and an Info dictionary for metadata.
const winAnsi = {
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
  é: 0xe9,
  í: 0xed,
  '\u00a0': 0x20,
};

function pdfString(text) {
  let out = '(';
  for (const ch of text) {
    const code = winAnsi[ch] ?? ch.charCodeAt(0);
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (code < 32 || code > 126) out += '\\' + (code > 255 ? 63 : code).toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + ')';
}

/** Wraps text to lines of at most `width` characters. */
export function wrap(text, width = 90) {
  const lines = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * pages: arrays of lines (an empty line separates paragraphs), written from the top left down; a line
 * may instead be placed, as { text, x, y, size } (PDF units from the bottom left; size 10 if not
 * given), for columns, running heads and page numbers. info: { Title, Author, CreationDate }.
 * Returns a Buffer holding a valid PDF 1.4 file.
 */
export function makePdf(pages, info = {}) {
  const objects = [];
  const add = (body) => objects.push(body) && objects.length;
  const catalog = add(null);
  const pagesId = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const lines of pages) {
    const ops = ['BT', '/F1 10 Tf', '13 TL', '50 780 Td'];
    for (const line of lines) if (typeof line === 'string') ops.push(`${pdfString(line)} Tj T*`);
    ops.push('ET');
    for (const placed of lines.filter((line) => typeof line !== 'string')) {
      const { text, x, y, size = 10 } = placed;
      ops.push(`BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(text)} Tj ET`);
    }
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 842] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoEntries = Object.entries(info)
    .map(([k, v]) => `/${k} ${pdfString(String(v))}`)
    .join(' ');
  const infoId = add(`<< ${infoEntries} >>`);
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  const trailer = `<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R >>`;
  out += `trailer\n${trailer}\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A text file as a PDF: paragraphs wrapped, `linesPerPage` lines a page. */
export function textToPdf(text, info = {}, linesPerPage = 55) {
  const lines = wrap(text);
  const pages = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage));
  return makePdf(pages.length ? pages : [[]], info);
}
