// Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Enough for exports that open in
// a spreadsheet and for imports from one; a semicolon-separated file is recognised by its header.

/**
 * CSV that opens as columns in the reader's spreadsheet: for Dutch, as Dutch Excel expects it
 * (semicolon, decimal comma), for English with commas and decimal points; UTF-8 with a BOM, so
 * Excel reads the accents right.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>, lang: 'nl' | 'en' = 'nl'): string {
  const separator = lang === 'nl' ? ';' : ',';
  const cell = (value: string | number) => {
    if (typeof value === 'number') return lang === 'nl' ? String(value).replace('.', ',') : String(value);
    // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it inert.
    const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
    return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((row) => row.map(cell).join(separator)).join('\r\n') + '\r\n';
}

export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '');
  const firstLine = input.slice(0, input.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}
