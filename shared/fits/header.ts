/**
 * FITS header cards: 80-character ASCII records in 2880-byte blocks, ended by END.
 * Values are parsed as the standard describes (FITS 4.0 §4.2): quoted strings with ''
 * escapes, logical T/F, integers, reals (with E or D exponents). Anything else (complex
 * values, free-format oddities) is kept as its raw text so one odd card cannot fail a file.
 */
import { FitsError } from './fitsError';

export const BLOCK = 2880;
const LATIN1 = new TextDecoder('latin1');
const CARD = 80;

export type CardValue = string | number | boolean | null;

export class Header {
  private readonly parsed = new Map<string, CardValue>();

  constructor(
    /** Keyword → the value field as written (columns 11–80); the first occurrence wins, as in astropy. */
    private readonly raw: ReadonlyMap<string, string>,
    /** Bytes the header occupies, padding included. */
    readonly byteLength: number,
  ) {}

  has(key: string): boolean {
    return this.raw.has(key);
  }

  /** The value of a card, parsed on first use (a spectrum needs ~25 of ~130 cards), or undefined. */
  get(key: string): CardValue | undefined {
    let v = this.parsed.get(key);
    if (v === undefined) {
      const text = this.raw.get(key);
      if (text === undefined) return undefined;
      v = parseValue(text);
      this.parsed.set(key, v);
    }
    return v;
  }

  keys(): IterableIterator<string> {
    return this.raw.keys();
  }

  /** A number, or null when absent or not numeric. */
  num(key: string): number | null {
    const v = this.get(key);
    return typeof v === 'number' ? v : null;
  }

  /** A string (trailing blanks removed), or null when absent or not a string. */
  str(key: string): string | null {
    const v = this.get(key);
    return typeof v === 'string' ? v : null;
  }

  bool(key: string): boolean | null {
    const v = this.get(key);
    return typeof v === 'boolean' ? v : null;
  }
}

/** Parses the header that starts at `offset`; throws when no END card is found in the bytes. */
export function parseHeader(bytes: Uint8Array, offset: number, file: string): Header {
  const end = endCardAt(bytes, offset);
  if (end < 0) {
    const where = offset === 0 ? 'primary header' : `header at byte ${offset}`;
    throw new FitsError('truncated', file, `${where} has no END card before the end of the file (cut short, or not FITS)`);
  }
  // One decode for the whole header, then plain string slicing: far cheaper than a decode per card.
  const text = LATIN1.decode(bytes.subarray(offset, end));
  const cards = new Map<string, string>();
  for (let c = 0; c < text.length; c += CARD) {
    // A value card has "= " in columns 9–10; COMMENT/HISTORY and others do not.
    if (text.charCodeAt(c + 8) !== 0x3d /* = */ || text.charCodeAt(c + 9) !== 0x20) continue;
    const key = text.slice(c, c + 8).trimEnd();
    if (key === '' || cards.has(key)) continue;
    cards.set(key, text.slice(c + 10, c + CARD));
  }
  const blocks = Math.floor((end - offset) / BLOCK) + 1;
  return new Header(cards, blocks * BLOCK);
}

/** Byte offset of the END card of the header starting at `offset` (a card start in a whole block), or -1. */
function endCardAt(bytes: Uint8Array, offset: number): number {
  for (let block = offset; block + BLOCK <= bytes.length; block += BLOCK) {
    for (let c = block; c < block + BLOCK; c += CARD) {
      if (bytes[c] === 0x45 && bytes[c + 1] === 0x4e && bytes[c + 2] === 0x44 && isBlank(bytes, c + 3, c + 8)) return c;
    }
  }
  return -1;
}

/** Columns [from, to) hold only spaces: "END" is the whole keyword, not the start of "ENDTIME". */
function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0x20) return false;
  return true;
}

function parseValue(text: string): CardValue {
  const s = text.trimStart();
  if (s.startsWith("'")) return parseString(s);
  const slash = s.indexOf('/');
  const v = (slash >= 0 ? s.slice(0, slash) : s).trim();
  if (v === '') return null;
  if (v === 'T') return true;
  if (v === 'F') return false;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([ED][+-]?\d+)?$/.test(v)) return Number(v.replace('D', 'E'));
  return v;
}

function parseString(s: string): string {
  let out = '';
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "'") {
      if (s[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      break;
    }
    out += s[i];
  }
  // Trailing blanks in a FITS string are not significant (§4.2.1.1); leading ones are.
  return out.trimEnd();
}
