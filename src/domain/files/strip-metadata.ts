import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { AppError } from '../errors.js';
import type { FileKind } from './detect-type.js';

// Photos and PDFs carry more than their content: camera, GPS position, author, software, the
// organisation's name. For someone reporting their own employer that can give them away, so
// it is removed before the file is encrypted.

/** JPEG: keeps image data and the segments needed to show it; drops EXIF, XMP, ICC comments and the like. */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
  const keep: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw new AppError('validation', [{ field: 'files', message: 'errors.file.damaged' }]);
    const marker = bytes[offset + 1]!;
    if (marker === 0xda) {
      keep.push(bytes.subarray(offset)); // start of scan: the rest is image data
      break;
    }
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    const segment = bytes.subarray(offset, offset + 2 + length);
    // APP0 (JFIF) and APP14 (Adobe colour transform) are needed to display; other APPn and COM are metadata.
    const isMetadata = (marker >= 0xe1 && marker <= 0xef && marker !== 0xee) || marker === 0xfe;
    if (!isMetadata) keep.push(segment);
    offset += 2 + length;
  }
  return Buffer.concat(keep);
}

const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: drops the text, EXIF and time chunks; every other chunk is copied with its checksum. */
export function stripPng(bytes: Uint8Array): Uint8Array {
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = Buffer.from(bytes.subarray(offset, offset + 4)).readUInt32BE(0);
    const type = Buffer.from(bytes.subarray(offset + 4, offset + 8)).toString('latin1');
    const end = offset + 12 + length;
    if (end > bytes.length) throw new AppError('validation', [{ field: 'files', message: 'errors.file.damaged' }]);
    if (!PNG_METADATA_CHUNKS.has(type)) keep.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(keep);
}

/** PDF: removes the document information dictionary, the XMP metadata stream and the trailer ID, and rewrites the file. */
export async function stripPdf(bytes: Uint8Array): Promise<Uint8Array> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new AppError('validation', [{ field: 'files', message: encrypted ? 'errors.file.encryptedPdf' : 'errors.file.damaged' }]);
  }
  if (document.isEncrypted) throw new AppError('validation', [{ field: 'files', message: 'errors.file.encryptedPdf' }]);
  // Deleting the objects themselves, not just the references: pdf-lib writes every object it holds.
  const info = document.context.trailerInfo.Info;
  if (info instanceof PDFRef) document.context.delete(info);
  document.context.trailerInfo.Info = undefined;
  const metadata = document.catalog.get(PDFName.of('Metadata'));
  if (metadata instanceof PDFRef) document.context.delete(metadata);
  document.catalog.delete(PDFName.of('Metadata'));
  // The trailer's document ID is made by the software that wrote the file and can match the
  // author's own copy; it is optional, so it goes too.
  document.context.trailerInfo.ID = undefined;
  return document.save({ useObjectStreams: false, updateFieldAppearances: false });
}

export async function stripMetadata(kind: FileKind, bytes: Uint8Array): Promise<Uint8Array> {
  if (kind === 'jpeg') return stripJpeg(bytes);
  if (kind === 'png') return stripPng(bytes);
  if (kind === 'pdf') return stripPdf(bytes);
  return bytes;
}
