/**
 * `local/code-layering`: which folder may import which, as an allow-list (after VS Code's rule
 * of the same name). The table lives in eslint.config.js; docs/architecture.md draws it.
 *
 * Every source file must fall in a layer of the table — a new folder is a lint error until its
 * row is written — and may import, by relative path, only files of its own layer and of the
 * layers its row allows. The most specific prefix wins, so one file (src-main/sync/contract.ts)
 * can be a layer of its own below its folder. Packages are not this rule's business
 * (no-restricted-imports in the config handles Node, Electron and native modules).
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';
import type { Node as EsNode } from 'estree';
import { relativeSpecifiers, resolveModule } from './modules';

export interface Layer {
  /** Path prefixes from the repository root: a folder ends in '/', anything else is one file. */
  files: string[];
  /** Names of the layers this one may import, besides itself. */
  allow: string[];
}

export interface LayeringOptions {
  /** Only files under these prefixes are checked (and must be in a layer). */
  scope: string[];
  layers: Record<string, Layer>;
}

export function layerOf(path: string, layers: Record<string, Layer>): string | null {
  let best: string | null = null;
  let bestLength = -1;
  for (const [name, layer] of Object.entries(layers)) {
    for (const prefix of layer.files) {
      const hit = prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || stripExtension(path) === stripExtension(prefix);
      if (hit && prefix.length > bestLength) {
        best = name;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

function stripExtension(path: string): string {
  return path.replace(/\.(tsx?|mts|mjs|js)$/, '');
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

export const codeLayering: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the layers its row of the table allows (docs/architecture.md, "Layers").' },
    schema: [{ type: 'object' }],
    messages: {
      unlisted: '{{file}} is in no layer of the code-layering table (eslint.config.js): add its folder with what it may import.',
      refused: "Layer '{{from}}' may not import layer '{{to}}' ({{target}}); it may import: {{allowed}}. See docs/architecture.md, \"Layers\".",
      outside: "'{{source}}' leaves the layered folders; import shared code through its own layer.",
    },
  },
  create(context) {
    const options = context.options[0] as LayeringOptions;
    const root = context.cwd;
    const file = toPosix(relative(root, context.filename));
    if (!options.scope.some((s) => file.startsWith(s))) return {};
    const from = layerOf(file, options.layers);
    if (from === null) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unlisted', data: { file } });
        },
      };
    }
    const allowed = new Set([from, ...options.layers[from]!.allow]);
    const check = (node: EsNode) => {
      const spec = relativeSpecifiers(node);
      if (!spec) return;
      const named = resolve(dirname(context.filename), spec.source);
      const target = toPosix(relative(root, resolveModule(context.filename, spec.source) ?? named));
      if (!options.scope.some((s) => target.startsWith(s))) {
        context.report({ node: spec.node, messageId: 'outside', data: { source: spec.source } });
        return;
      }
      const to = layerOf(target, options.layers);
      if (to !== null && allowed.has(to)) return;
      context.report({
        node: spec.node,
        messageId: 'refused',
        data: { from, to: to ?? '(none)', target, allowed: [...allowed].join(', ') },
      });
    };
    return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check, ImportExpression: check };
  },
};
