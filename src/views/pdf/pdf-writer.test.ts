import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText } from '../../../test/support/pdf-text.js';
import { PdfWriter } from './pdf-writer.js';

const made = async (write: (pdf: PdfWriter) => void) => {
  const pdf = await PdfWriter.create({ title: 'Proef', language: 'nl-NL', created: new Date(Date.UTC(2026, 11, 1)) });
  write(pdf);
  return { pdf, bytes: await pdf.finish((page, pages) => `pagina ${page} van ${pages}`) };
};

describe('the PDF writer', () => {
  it('wraps words and cuts a word wider than the line, losing no character, across pages with numbered footers', async () => {
    const long = 'x'.repeat(3000);
    const words = Array.from({ length: 2000 }, (_, i) => `woord${i}`).join(' ');
    const { bytes } = await made((pdf) => pdf.text(`${words} ${long}`));
    const text = pdfText(bytes);
    const lines = text.split('\n').filter((line) => !line.startsWith('pagina '));
    // Every character is there, in order; no line is longer than fits on the page.
    expect(lines.join(' ').replace(/\s+/g, '')).toBe(`${words}${long}`.replace(/\s+/g, ''));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(140);
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
  });

  it('draws what its font cannot as the base letter or "?", and remembers that it did', async () => {
    const plain = await made((pdf) => pdf.text('Gewoon Nederlands: één, café, € 12,50 — “citaat”.\nRegel 2\r\n\r\nAlinea 3'));
    expect(plain.pdf.replaced).toBe(false);
    // Line breaks are layout: new lines, never a replaced character.
    const lines = pdfText(plain.bytes).split('\n');
    expect(lines[0]).toMatch(/^Gewoon Nederlands: één, café, .*12,50/);
    expect(lines.slice(1, 4)).toEqual(['Regel 2', '', 'Alinea 3']);
    const hostile = await made((pdf) => pdf.text('Łódź ő 😟 中文 \u202E\u0000\u0007 tab\there'));
    expect(hostile.pdf.replaced).toBe(true);
    expect(pdfText(hostile.bytes)).toContain('?ódz o ? ?? ??? tab    here');
  });
});
