import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

// The standard fonts speak WinAnsi only: these are the characters beyond Latin-1 they can draw.
const winAnsiExtra = new Set([0x20ac, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x17d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x17e, 0x178]);
const drawable = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(code);

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10;
const LEADING = 14;

/**
 * A small text layout on pdf-lib for documents made on the server: headings, labelled values and
 * paragraphs that wrap and break across pages, a running footer. Characters the standard font cannot
 * draw become their base letter (ő → o) or "?", and the writer remembers that it did so.
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  replaced = false;
  /** Widths of single characters (per font) per point of size, for cutting words too wide for a line. */
  private readonly charWidths = new Map<string, number>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(meta: { title: string; language: string; created: Date }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setLanguage(meta.language);
    doc.setProducer('Tegenspraak');
    doc.setCreator('Tegenspraak');
    doc.setCreationDate(meta.created);
    doc.setModificationDate(meta.created);
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  /** The text as the font can draw it. */
  safe(text: string): string {
    let out = '';
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0)!;
      if (drawable(code)) out += char;
      else if (char === '\t') out += '    ';
      else {
        const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
        const fits = base.length > 0 && [...base].every((c) => drawable(c.codePointAt(0)!));
        out += fits ? base : '?';
        this.replaced = true;
      }
    }
    return out;
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + LEADING) this.newPage();
  }

  /**
   * Lines of at most the width, breaking between words, and inside a word only when it alone is too
   * wide. Widths add up word by word (each word measured once): a long case file stays quick to make.
   */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    const space = font.widthOfTextAtSize(' ', size);
    // Split on line breaks first: they are layout, not characters to draw (or to replace).
    for (const paragraph of text.split(/\r\n|\r|\n/).map((part) => this.safe(part))) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        const wordWidth = font.widthOfTextAtSize(word, size);
        const candidate = line ? lineWidth + space + wordWidth : wordWidth;
        if (candidate <= width) {
          line = line ? `${line} ${word}` : word;
          lineWidth = candidate;
          continue;
        }
        if (line) lines.push(line);
        if (wordWidth <= width) {
          line = word;
          lineWidth = wordWidth;
          continue;
        }
        // A word wider than the line is cut where it fills one, character by character (each measured once).
        line = '';
        lineWidth = 0;
        for (const char of word) {
          const key = `${font === this.bold ? 'b' : 'r'}${char}`;
          let charWidth = this.charWidths.get(key);
          if (charWidth === undefined) {
            charWidth = font.widthOfTextAtSize(char, SIZE) / SIZE;
            this.charWidths.set(key, charWidth);
          }
          if (line && lineWidth + charWidth * size > width) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += char;
          lineWidth += charWidth * size;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: { bold?: boolean; size?: number; indent?: number } = {}) {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? SIZE;
    const indent = options.indent ?? 0;
    const leading = Math.max(LEADING, size * 1.4);
    for (const line of this.wrap(text, font, size, A4.width - 2 * MARGIN - indent)) {
      this.room(leading);
      this.y -= leading;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
    }
  }

  heading(text: string, level: 1 | 2 | 3 = 2) {
    this.room(LEADING * 4);
    this.gap(level === 3 ? 4 : 10);
    this.text(text, { bold: true, size: level === 1 ? 18 : level === 2 ? 14 : SIZE });
    this.gap(2);
  }

  /** A label with its value below it, indented. */
  field(label: string, value: string) {
    this.room(LEADING * 2);
    this.text(label, { bold: true });
    this.text(value || '–', { indent: 12 });
  }

  gap(points = LEADING / 2) {
    this.y -= points;
  }

  /** Every page carries the same footer with its number: a printed file stays in order. */
  async finish(footer: (page: number, pages: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => page.drawText(this.safe(footer(index + 1, pages.length)), { x: MARGIN, y: MARGIN / 2, size: 8, font: this.regular }));
    return this.doc.save();
  }
}
