import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { compileHints, firstRequestsFirst, lazyUplotIntl } from './scripts/viteStartPlugins';

/**
 * What index.html asks for beside the first module (src-renderer/frame/lazyScreens.tsx says
 * why each chunk is apart): the review screen's chunks as `modulepreload` — fetched and compiled
 * now, run once the list shows — and the other screens' chunk as `prefetch`, at the lowest
 * priority, so that opening a browse batch, the desk or the settings finds its bytes in the
 * browser's cache instead of waiting on the network.
 */
function preloadScreens(): Plugin {
  return {
    name: 'specvet-preload-screens',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const chunkOf = (source: string) => {
          const found = chunks.find((c) => c.facadeModuleId?.endsWith(source));
          if (!found) throw new Error(`no chunk of its own for ${source}: see src-renderer/frame/lazyScreens.tsx`);
          return found;
        };
        // The entry's own imports (the first requests' chunk) index.html has already.
        const withImports = (c: (typeof chunks)[number]) => [c.fileName, ...c.imports.filter((f) => f !== entry?.fileName && !entry?.imports.includes(f))];
        const review = withImports(chunkOf('/src-renderer/review/ReviewScreen.tsx'));
        const others = withImports(chunkOf('/src-renderer/frame/deferredScreens.ts')).filter((f) => !review.includes(f));
        const link = (rel: string) => (f: string) => ({ tag: 'link', attrs: { rel, crossorigin: true, href: `./${f}` }, injectTo: 'head' as const });
        return [...review.map(link('modulepreload')), ...others.map(link('prefetch'))];
      },
    },
  };
}

// The renderer: built once into dist/renderer and loaded by both hosts — Electron over app://
// and the web edition over http — so every URL in it is relative (base './').
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), preloadScreens(), compileHints(), lazyUplotIntl(), firstRequestsFirst()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline <script> or data: modules: the CSP allows only files from 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The first requests (frame/firstRequests.ts) and what they need, a chunk of their own that
    // index.html runs first (scripts/viteStartPlugins.ts, firstRequestsFirst).
    rollupOptions: { output: { manualChunks: (id) => (id.endsWith('/src-renderer/frame/firstRequests.ts') ? 'firstRequests' : undefined) } },
  },
  worker: { format: 'es' },
});
