import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The review screen is a chunk of its own (src-renderer/frame/lazyScreens.tsx) so the batch
 * list shows without it; index.html names it (and the chunks it imports) for the browser to
 * fetch and compile alongside the first module, instead of after that module has run.
 */
function preloadReviewChunk(): Plugin {
  return {
    name: 'specvet-preload-review',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const review = chunks.find((c) => c.facadeModuleId?.endsWith('/src-renderer/review/ReviewScreen.tsx'));
        if (!review) throw new Error('no review screen chunk: src-renderer/frame/lazyScreens.tsx no longer imports it on its own');
        const entry = chunks.find((c) => c.isEntry);
        const files = [review.fileName, ...review.imports.filter((f) => f !== entry?.fileName)];
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// The renderer: built once into dist/renderer and loaded by both hosts — Electron over app://
// and the web edition over http — so every URL in it is relative (base './').
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [react(), preloadReviewChunk()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline <script> or data: modules: the CSP allows only files from 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
