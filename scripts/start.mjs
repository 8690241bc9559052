#!/usr/bin/env node
// `npm start`: the decision logic is TypeScript (scripts/launch.ts), run through tsx's loader
// like the CLI, so it is typechecked, linted and unit-tested with the rest.
import { register } from 'tsx/esm/api';

register();
const { start } = await import('./launch.ts');
process.exitCode = await start(process.argv.slice(2));
