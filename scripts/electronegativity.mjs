#!/usr/bin/env node
// `npm run security`: Doyensec's electronegativity over the Electron code. Two passes:
// - src-main/electron, the TypeScript sources (the tool parses TS with @babel/parser's
//   typescript plugin). This is the pass that sees the BrowserWindow options, the navigation
//   and permission handlers, and the CSP.
// - dist/main when built: the bundles, which also hold everything main imports (our other
//   src-main modules, zod, fflate…), checked for eval, openExternal and the like. The tool
//   only reads .js, so the .cjs files are scanned from a temporary .js copy. In the bundle
//   esbuild has dropped comments (so the CSP's justified exception, below, is gone) and
//   renamed BrowserWindow to a namespace member the tool does not follow; those checks
//   belong to the source pass, and CSP_GLOBAL_CHECK is left out of this one.
// Fails on any finding above INFORMATIONAL and on any file it could not parse (an unparsed
// file is an unchecked one). Accepted exceptions carry `eng-disable CHECK_ID` on the very
// line, with the reason next to it (src-main/electron/appScheme.ts, window.ts).
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
// Default: the Electron sources and their bundle; arguments name other folders or files.
const args = process.argv.slice(2);
const targets = (args.length > 0 ? args : ['src-main/electron', 'dist/main']).filter((t) => existsSync(resolve(ROOT, t)));
/** Checks a pass leaves out, with the reason in the header above. */
const EXCLUDED = { 'dist/main': ['CSPGlobalCheck'] };
if (targets.length === 0) {
  console.error(`nothing to scan: ${args.join(', ')} not found`);
  process.exit(2);
}

// The tool logs progress chatter (translation download, release feed) through console.log;
// keep only its result.
const log = console.log;
async function scan(target) {
  const bundles = target === 'dist/main' ? jsCopyOf(resolve(ROOT, target)) : null;
  console.log = () => {};
  try {
    return await run({
      input: bundles ?? resolve(ROOT, target),
      electronVersionOverride: electronVersion,
      isRelative: true,
      excludeFromScan: EXCLUDED[target] ?? [],
    });
  } finally {
    console.log = log;
    if (bundles) rmSync(bundles, { recursive: true, force: true });
  }
}

/** A temporary folder with each .cjs bundle of `dir` copied as .js (all the tool reads). */
function jsCopyOf(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'specvet-eng-'));
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.cjs')) copyFileSync(join(dir, f), join(copy, f.replace(/\.cjs$/, '.js')));
  }
  return copy;
}

let failures = 0;
for (const target of targets) {
  const result = await scan(target);
  const findings = result.issues.map((i) => ({
    severity: i.severity.name,
    above: i.severity.value > 0,
    confidence: i.confidence.name,
    id: i.id,
    where: i.file === 'N/A' ? target : `${target === 'dist/main' ? `dist/main/${i.file.replace(/\.js$/, '.cjs')}` : relative(ROOT, resolve(ROOT, target, i.file))}:${i.location.line}`,
    description: i.description,
  }));
  const broken = result.errors.filter((e) => !e.tolerable);
  log(`electronegativity ${target} (Electron ${electronVersion}): ${findings.length} finding(s), ${broken.length} unparsed file(s)`);
  for (const f of findings) log(`  ${f.above ? 'FAIL' : 'info'} ${f.severity}/${f.confidence} ${f.id} ${f.where} — ${f.description}`);
  for (const e of broken) log(`  FAIL could not parse ${e.file}: ${e.message}`);
  failures += findings.filter((f) => f.above).length + broken.length;
}
if (failures > 0) {
  log(`security check failed: ${failures} finding(s) above informational (fix, or justify with eng-disable next to the code)`);
  process.exit(1);
}
log('security check passed: no finding above informational');
