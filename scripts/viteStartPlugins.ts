/**
 * Build steps for the web edition's cold start (issue 13, navigation → first spectrum), used by
 * vite.config.ts. Each takes work off the renderer's main thread between navigation and the
 * first spectrum drawn; docs/app.md ("web edition") has the traces.
 */
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint on the chunks a cold start runs whole: the first module (React and
 * the list) and the review screen's. Without it V8 only pre-parses their functions while the
 * file streams in, then parses and compiles each again on the main thread at its first call;
 * with it they are compiled once, on the streaming thread, before the module runs. Chromium
 * 136+ reads the comment on a file's first line; elsewhere it is a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function compileHints(): Plugin {
  return {
    name: 'specvet-compile-hints',
    apply: 'build',
    // After Vite's own generateBundle, which puts the preload helper's line first in the entry.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const review = chunks.find((c) => c.facadeModuleId?.endsWith('/src-renderer/review/ReviewScreen.tsx'));
        for (const chunk of chunks) {
          if (!(chunk.isEntry || chunk === review || review?.imports.includes(chunk.fileName))) continue;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          // One line more on top: the maps say so with one empty line of mappings.
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const parsed = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...parsed, mappings: `;${parsed.mappings}` });
          }
        }
      },
    },
  };
}

/**
 * uPlot makes an Intl.NumberFormat and an Intl.DateTimeFormat when its module runs: the page's
 * first Intl objects, which load ICU's locale data — 100 ms of the main thread's CPU in a cold
 * trace, before the batch list could render (the review chunk runs while the list's answers
 * come). Made on first use instead: the spectrum chart formats its axes itself, so only a time
 * axis (the desk's progress plot) or a default value axis ever makes them.
 */
const UPLOT_EAGER_INTL: [string, string][] = [
  [
    "const numFormatter = new Intl.NumberFormat(domEnv ? nav.language : 'en-US');\nconst fmtNum = val => numFormatter.format(val);",
    "let numFormatter = null;\nconst fmtNum = val => (numFormatter ??= new Intl.NumberFormat(domEnv ? nav.language : 'en-US')).format(val);",
  ],
  [
    'const localTz = new Intl.DateTimeFormat().resolvedOptions().timeZone;',
    'let localTz_ = null;\nconst localTz = () => (localTz_ ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);',
  ],
  ['else if (tz == localTz)', 'else if (tz == localTz())'],
];

export function lazyUplotIntl(): Plugin {
  return {
    name: 'specvet-lazy-uplot-intl',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/uplot\/dist\/uPlot\.esm\.js$/.test(id)) return null;
      const s = new MagicString(code);
      for (const [from, to] of UPLOT_EAGER_INTL) {
        const at = code.indexOf(from);
        // A new uPlot that moved these lines fails the build here, not the cold start quietly.
        if (at < 0 || code.indexOf(from, at + 1) >= 0) throw new Error(`uPlot changed: "${from.split('\n')[0]}" is not there once (scripts/viteStartPlugins.ts)`);
        s.overwrite(at, at + from.length, to);
      }
      return { code: s.toString(), map: s.generateMap({ hires: 'boundary', source: id }) };
    },
  };
}

/**
 * The first requests' chunk (vite.config.ts names it) as a module script of its own ahead of the
 * first module. The browser runs it once its 9 kB are in, so the status, list and settings
 * requests go out while the 300 kB first module (React) still streams and compiles, not after
 * it has run. The first module imports the same file, so it is one module, run once.
 */
export function firstRequestsFirst(): Plugin {
  return {
    name: 'specvet-first-requests-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const first = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'firstRequests');
        if (!first) throw new Error('no firstRequests chunk: see manualChunks in vite.config.ts');
        return [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `./${first.fileName}` }, injectTo: 'head-prepend' }];
      },
    },
  };
}
