import { AppError, type FieldError } from '../errors.js';
import { detectFileKind, fileKinds, type FileKind } from './detect-type.js';
import { stripMetadata } from './strip-metadata.js';

export const MAX_FILES_PER_SUBMISSION = 5;

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface PreparedFile {
  name: string;
  kind: FileKind;
  mime: string;
  bytes: Uint8Array;
}

/** A file name safe to show and to offer for download: no path, no control characters, the right extension. */
export function safeFileName(name: string, kind: FileKind): string {
  // Control characters in a file name can forge lines in headers and listings, so they go.
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'bestand';
  return `${stem}.${fileKinds[kind].extension}`;
}

/**
 * Checks every file (count, size, real type), removes metadata, and returns them ready to
 * encrypt. One bad file refuses the whole submission with a message naming the file, so nothing
 * is stored half.
 */
export async function prepareUploads(files: IncomingFile[], maxBytes: number): Promise<PreparedFile[]> {
  const present = files.filter((f) => f.bytes.length > 0 || f.name !== '');
  if (present.length > MAX_FILES_PER_SUBMISSION) throw new AppError('validation', [{ field: 'files', message: 'errors.file.tooMany' }]);
  const errors: FieldError[] = [];
  const prepared: PreparedFile[] = [];
  for (const file of present) {
    if (file.bytes.length === 0) {
      errors.push({ field: 'files', message: 'errors.file.empty' });
      continue;
    }
    if (file.bytes.length > maxBytes) {
      errors.push({ field: 'files', message: 'errors.file.tooLarge' });
      continue;
    }
    const kind = detectFileKind(file.bytes);
    if (!kind) {
      errors.push({ field: 'files', message: 'errors.file.type' });
      continue;
    }
    try {
      prepared.push({ name: safeFileName(file.name, kind), kind, mime: fileKinds[kind].mime, bytes: await stripMetadata(kind, file.bytes) });
    } catch (error) {
      if (error instanceof AppError) errors.push(...error.fieldErrors);
      else errors.push({ field: 'files', message: 'errors.file.damaged' });
    }
  }
  if (errors.length > 0) throw new AppError('validation', errors.slice(0, 1));
  return prepared;
}
