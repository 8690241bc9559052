/**
 * A strict reader of CSV as RFC 4180 writes it, LF line ends: the tests read an export back
 * with it, so it shares nothing with the code that wrote it. A field is quoted when it holds a
 * quote, comma or line break ("" a quote inside); anything else malformed throws.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const end = (line: boolean) => {
    record.push(field);
    field = '';
    if (!line) return;
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      const close = quotedEnd(text, i);
      field = text.slice(i + 1, close).replace(/""/g, '"');
      i = close + 1;
      if (i < text.length && text[i] !== ',' && text[i] !== '\n') throw new Error(`CSV: text after a closing quote at ${i}`);
      // An empty quoted field would look unquoted to `field === ''` above: mark it read.
      if (text[i] === ',' || text[i] === '\n') end(text[i++] === '\n');
      continue;
    }
    if (c === '"' || c === '\r') throw new Error(`CSV: ${c === '"' ? 'a quote' : 'a CR'} in an unquoted field at ${i}`);
    if (c === ',' || c === '\n') end(c === '\n');
    else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV: the last line has no line break');
  return records;
}

/** Where the quoted field opened at `open` closes (a quote not doubled). */
function quotedEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  throw new Error(`CSV: the quote at ${open} never closes`);
}
