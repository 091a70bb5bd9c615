import { inflateSync } from 'node:zlib';

/**
 * The text a PDF made with pdf-lib's standard fonts draws: every content stream inflated, every
 * hex string shown with Tj decoded as Latin-1. Enough to check what a server-made PDF says.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const chunk = Buffer.from(raw.slice(start, end), 'latin1');
    let data: string;
    try {
      data = inflateSync(chunk).toString('latin1');
    } catch {
      data = chunk.toString('latin1');
    }
    for (const shown of data.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(shown[1]!, 'hex').toString('latin1'));
  }
  return lines.join('\n');
}
