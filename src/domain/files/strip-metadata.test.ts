import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { detectFileKind } from './detect-type.js';
import { prepareUploads, safeFileName } from './prepare-upload.js';
import { stripJpeg, stripPdf, stripPng } from './strip-metadata.js';

const secret = 'GPS-52.0907-5.1214-AUTHOR-J.JANSEN';
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

function segment(marker: number, payload: string): Buffer {
  const body = Buffer.from(payload, 'latin1');
  return Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255]), body]);
}

function pngChunk(type: string, payload: string): Buffer {
  const body = Buffer.from(payload, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

describe('metadata removal', () => {
  it('drops EXIF, XMP and comments from a JPEG and keeps the image segments', () => {
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe0, 'JFIF\0\x01\x01\0\0\x01\0\x01\0\0'),
      segment(0xe1, `Exif\0\0${secret}`),
      segment(0xfe, `comment ${secret}`),
      segment(0xdb, 'QUANTTABLE'),
      Buffer.from([0xff, 0xda, 0, 4, 1, 2]),
      Buffer.from('IMAGEDATA'),
      Buffer.from([0xff, 0xd9]),
    ]);
    const clean = stripJpeg(jpeg);
    expect(has(clean, secret)).toBe(false);
    for (const kept of ['JFIF', 'QUANTTABLE', 'IMAGEDATA']) expect(has(clean, kept)).toBe(true);
    expect(detectFileKind(clean)).toBe('jpeg');
  });

  it('drops text and EXIF chunks from a PNG', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', 'HEADER13BYTES'),
      pngChunk('tEXt', `Author\0${secret}`),
      pngChunk('eXIf', secret),
      pngChunk('IDAT', 'PIXELS'),
      pngChunk('IEND', ''),
    ]);
    const clean = stripPng(png);
    expect(has(clean, secret)).toBe(false);
    expect(has(clean, 'PIXELS')).toBe(true);
    expect(has(clean, 'IEND')).toBe(true);
  });

  it('removes author, title and XMP from a PDF and keeps the text', async () => {
    const document = await PDFDocument.create();
    document.setAuthor(secret);
    // Literal strings and an XMP stream, as office software writes them, so the bytes are searchable.
    const info = document.context.lookup(document.context.trailerInfo.Info) as PDFDict;
    info.set(PDFName.of('Creator'), PDFString.of(secret));
    const xmp = document.context.stream(`<x:xmpmeta><dc:creator>${secret}</dc:creator></x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' });
    document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
    const page = document.addPage();
    page.drawText('Zichtbare inhoud', { font: await document.embedFont(StandardFonts.Helvetica) });
    // A document ID in the trailer, as Word and others write one: it can match the author's own copy.
    const id = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
    document.context.trailerInfo.ID = document.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
    const bytes = await document.save({ useObjectStreams: false, updateFieldAppearances: false });
    expect(has(bytes, secret)).toBe(true);
    expect(has(bytes, id)).toBe(true);
    expect(has(bytes, '<dc:creator>')).toBe(true);
    const clean = await stripPdf(bytes);
    expect(has(clean, secret)).toBe(false);
    expect(has(clean, '<dc:creator>')).toBe(false);
    expect(has(clean, id)).toBe(false);
    expect(has(clean, '/ID')).toBe(false);
    const reopened = await PDFDocument.load(clean);
    expect(reopened.getPageCount()).toBe(1);
    expect(reopened.getAuthor()).toBeUndefined();
  });

  it('refuses files by their content, not their name', async () => {
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);
    await expect(prepareUploads([{ name: 'rapport.pdf', bytes: exe }], 1000)).rejects.toMatchObject({ fieldErrors: [{ message: 'errors.file.type' }] });
    await expect(prepareUploads([{ name: 'groot.txt', bytes: Buffer.alloc(2000, 65) }], 1000)).rejects.toMatchObject({ fieldErrors: [{ message: 'errors.file.tooLarge' }] });
    await expect(prepareUploads([{ name: 'kapot.pdf', bytes: Buffer.from('%PDF-1.7 nonsense') }], 1000)).rejects.toMatchObject({ fieldErrors: [{ message: 'errors.file.damaged' }] });
    const [text] = await prepareUploads([{ name: '../../etc/passwd.exe', bytes: Buffer.from('gewone tekst') }], 1000);
    expect(text).toMatchObject({ name: 'passwd.txt', kind: 'text' });
  });

  it('makes file names safe', () => {
    expect(safeFileName('C:\\Users\\jan\\notulen "geheim".docx', 'docx')).toBe('notulen geheim.docx');
    expect(safeFileName('', 'pdf')).toBe('bestand.pdf');
  });
});
