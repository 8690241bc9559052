/** Finding the modules a file imports: the specifiers of its AST, and the files they name. */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Node as EsNode } from 'estree';

export const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/** Every relative module specifier of a file: static imports, re-exports and import() calls. */
export function relativeSpecifiers(node: EsNode): { source: string; node: EsNode } | null {
  if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
    const v = node.source.value;
    return typeof v === 'string' && v.startsWith('.') ? { source: v, node } : null;
  }
  if (node.type === 'ImportExpression' && node.source.type === 'Literal' && typeof node.source.value === 'string') {
    return node.source.value.startsWith('.') ? { source: node.source.value, node } : null;
  }
  return null;
}

/** The file a relative specifier names, or null when it is not a source file of the tree. */
export function resolveModule(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}${sep}index${e}`)];
  for (const c of candidates) {
    if (existsSync(c) && statSync(c).isFile() && EXTENSIONS.some((e) => c.endsWith(e))) return c;
  }
  return null;
}

