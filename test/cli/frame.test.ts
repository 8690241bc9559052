import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { defineCommand, num, UserError } from '../../src-main/command/command';
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

  it('exits 2 with one line naming the help to read on bad usage', async () => {
    const help = ' (see specvet demo echo --help)\n';
    expect(await runCli(['demo', 'echo', 'hi', '--times', 'x'], {}, commands)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `specvet: --times must be a whole number, got "x"${help}`,
    });
    expect(await runCli(['demo', 'echo'], {}, commands)).toMatchObject({ code: 2, stderr: `specvet: missing WORD${help}` });
    expect(await runCli(['demo', 'echo', 'a', '--bogus'], {}, commands)).toMatchObject({ code: 2, stderr: `specvet: unknown option --bogus${help}` });
    expect((await runCli(['demo', 'echo', 'a', '--times'], {}, commands)).stderr).toBe(`specvet: --times needs a value${help}`);
    expect(await runCli(['nope'], {}, commands)).toMatchObject({ code: 2, stderr: 'specvet: unknown command "nope" (see specvet --help)\n' });
  });

  it('exits 1 with one line and no stack trace; --debug adds the stack', async () => {
    const user = await runCli(['demo', 'echo', 'fail'], {}, commands);
    expect(user).toMatchObject({ code: 1, stderr: 'specvet: the word was "fail": pick another\n' });
    const crash = await runCli(['demo', 'echo', 'crash'], {}, commands);
    expect(crash).toMatchObject({ code: 1, stderr: 'specvet: boom (run again with --debug for details)\n' });
    const debug = await runCli(['demo', 'echo', 'crash', '--debug'], {}, commands);
    expect(debug.stderr.split('\n')[0]).toBe('specvet: boom');
    expect(debug.stderr).toContain('at somewhere');
  });

  it('without a command (or a group without its subcommand) prints the overview on stderr and exits 2', async () => {
    const bare = await runCli([]);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('usage: specvet <command>');
    const group = await runCli(['central']);
    expect(group).toMatchObject({ code: 2, stdout: '' });
    expect(group.stderr).toContain('central migrate');
    expect(group.stderr).not.toContain('inspect');
    const asked = await runCli(['central', '--help']);
    expect(asked).toMatchObject({ code: 0, stderr: '' });
    expect(asked.stdout).toContain('central seed');
  });

  it('prints --help for every command of the real CLI', async () => {
    const { SPECVET_COMMANDS: COMMANDS } = await import('../../src-main/entry/specvet');
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const variable of ['SPECVET_HOME', 'SPECVET_CENTRAL', 'SPECVET_DATA', 'SPECVET_TOKEN']) expect(top.stdout).toContain(variable);
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
