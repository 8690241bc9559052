/**
 * `local/no-import-cycle`: no file reaches itself through relative imports (type-only imports
 * count too: a cycle of types is still two modules that cannot be understood one at a time).
 * The graph is read from the files on disk with a scanner, cached per lint run by mtime; the
 * file being linted is read from its AST, so an editor's unsaved text is what is checked.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Rule } from 'eslint';
import type { Node as EsNode } from 'estree';
import { relativeSpecifiers, resolveModule } from './modules';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;

const scanned = new Map<string, { mtimeMs: number; imports: string[] }>();

function importsOf(file: string): string[] {
  const mtimeMs = statSync(file).mtimeMs;
  const hit = scanned.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.imports;
  const text = readFileSync(file, 'utf8');
  const imports: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolveModule(file, m[1]!);
    if (target) imports.push(target);
  }
  scanned.set(file, { mtimeMs, imports });
  return imports;
}

/** A path of files from `start` back to `goal`, or null when `goal` is not reachable. */
function pathTo(start: string, goal: string): string[] | null {
  const seen = new Set<string>();
  const stack: { file: string; path: string[] }[] = [{ file: start, path: [start] }];
  while (stack.length > 0) {
    const { file, path } = stack.pop()!;
    if (file === goal) return path;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file)) stack.push({ file: next, path: [...path, next] });
  }
  return null;
}

export const noImportCycle: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'No module imports itself through a chain of relative imports.' },
    schema: [{ type: 'object', properties: { scope: { type: 'array', items: { type: 'string' } } } }],
    messages: { cycle: 'import cycle: {{chain}}. Move what both sides need into a module both import.' },
  },
  create(context) {
    const { scope } = (context.options[0] ?? { scope: [] }) as { scope: string[] };
    const root = context.cwd;
    const self = context.filename;
    const rel = (f: string) => relative(root, f).split(sep).join('/');
    if (!scope.some((s) => rel(self).startsWith(s))) return {};
    const check = (node: EsNode) => {
      const spec = relativeSpecifiers(node);
      const target = spec && resolveModule(self, spec.source);
      if (!spec || !target || !scope.some((s) => rel(target).startsWith(s))) return;
      const back = pathTo(target, self);
      if (back) context.report({ node: spec.node, messageId: 'cycle', data: { chain: [self, ...back].map(rel).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};
