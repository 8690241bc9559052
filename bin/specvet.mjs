#!/usr/bin/env node
// The `specvet` command: the CLI is TypeScript run through tsx's loader (no build step after npm
// install); `serve` runs from its bundle instead when one is built and up to date.
import { register } from 'tsx/esm/api';
import { freshServeBundle } from './serveBundle.mjs';

// `specvet inspect --json … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const { main } = await import((process.argv[2] === 'serve' && freshServeBundle(new URL('../', import.meta.url))) || (register(), '../src-main/entry/specvet.ts'));
process.exitCode = await main(process.argv.slice(2));
// The command has answered (serve answers only when stopped). A connection still stuck on a
// stalled server — a sync past its --deadline — must not keep the process: exit soon, but
// let anything that is merely finishing (stdout, a cache closing) finish first.
setTimeout(() => process.exit(), 2000).unref();

