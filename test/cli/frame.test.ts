import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { defineCommand, num, UserError } from '../../src-main/cli/command';
import { runCli } from '../support/cli';

const echo = defineCommand({
  path: ['demo', 'echo'],
  summary: 'prints its argument',
  args: { usage: 'WORD', min: 1, max: 1 },
  options: { times: { type: 'string', placeholder: 'N', description: 'repeat N times' } },
  async run(values, [word], ctx) {
    const n = num(values, 'times', { integer: true }) ?? 1;
    if (word === 'fail') throw new UserError('the word was "fail": pick another');
    if (word === 'crash') throw new Error('boom\n    at somewhere (file.ts:1:1)');
    ctx.print({ word, n }, () => Array(n).fill(word).join(' '));
  },
});
const commands = [echo];

describe('CLI frame', () => {
  it('runs a command and prints human text or JSON', async () => {
    expect(await runCli(['demo', 'echo', 'hi', '--times', '2'], {}, commands)).toMatchObject({ code: 0, stdout: 'hi hi\n' });
    const j = await runCli(['demo', 'echo', 'hi', '--json'], {}, commands);
    expect(JSON.parse(j.stdout)).toEqual({ word: 'hi', n: 1 });
  });

  it('exits 2 with a one-line message on bad usage', async () => {
    const r = await runCli(['demo', 'echo', 'hi', '--times', 'x'], {}, commands);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--times must be a whole number, got "x"');
    expect((await runCli(['demo', 'echo'], {}, commands)).code).toBe(2);
    expect((await runCli(['demo', 'echo', 'a', '--bogus'], {}, commands)).stderr).toMatch(/Unknown option '--bogus'/);
    expect((await runCli(['nope'], {}, commands)).stderr).toContain('unknown command "nope"');
  });

  it('exits 1 with one line and no stack trace; --debug adds the stack', async () => {
    const user = await runCli(['demo', 'echo', 'fail'], {}, commands);
    expect(user).toMatchObject({ code: 1, stderr: 'specvet: the word was "fail": pick another\n' });
    const crash = await runCli(['demo', 'echo', 'crash'], {}, commands);
    expect(crash.code).toBe(1);
    expect(crash.stderr).not.toContain('at somewhere');
    expect(crash.stderr.split('\n')[0]).toBe('specvet: boom');
    const debug = await runCli(['demo', 'echo', 'crash', '--debug'], {}, commands);
    expect(debug.stderr).toContain('at ');
  });

  it('prints --help for every command of the real CLI', async () => {
    const { COMMANDS } = await import('../../src-main/cli/registry');
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) {
      expect(top.stdout).toContain(c.path.join(' '));
      const r = await runCli([...c.path, '--help']);
      expect(r.code, c.path.join(' ')).toBe(0);
      expect(r.stdout).toContain(`usage: specvet ${c.path.join(' ')}`);
    }
  });

  it('is on the PATH as `specvet` through the package bin', () => {
    const r = spawnSync('npx', ['--no-install', 'specvet', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: specvet <command>');
  });
});
