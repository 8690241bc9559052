import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultHome, parseCentralUrl, redact, resolveConfig } from '../../src-main/config/config';
import { runCli } from '../support/cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'specvet-config-'));

describe('configuration', () => {
  it('defaults SPECVET_HOME to the OS app-data folder, as Electron does', () => {
    expect(defaultHome({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/SpecVet');
    expect(defaultHome({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.SpecVet$/);
    expect(defaultHome({}, 'darwin')).toMatch(/Library\/Application Support\/SpecVet$/);
  });

  it('reads SPECVET_CENTRAL, keeping the password out of what is printed', () => {
    const c = parseCentralUrl('mysql://alice:s%40cret@db.example:3307/lamost');
    expect(c).toMatchObject({ host: 'db.example', port: 3307, database: 'lamost', user: 'alice', password: 's@cret' });
    expect(c.display).toBe('mysql://alice@db.example:3307/lamost');
    expect(redact('mysql://alice:s3cret@h/db')).toBe('mysql://alice:***@h/db');
  });

  it("reads a cluster's nodes in order, each with its port (3306 when none)", () => {
    const c = parseCentralUrl('mysql://alice:p@w,d@h1:3307,h2,10.0.0.3:3309/lamost');
    expect(c).toMatchObject({ host: 'h1', port: 3307, database: 'lamost', user: 'alice', password: 'p@w,d' });
    expect(c.nodes).toEqual([{ host: 'h1', port: 3307 }, { host: 'h2', port: 3306 }, { host: '10.0.0.3', port: 3309 }]);
    expect(c.display).toBe('mysql://alice@h1:3307,h2:3306,10.0.0.3:3309/lamost');
    expect(() => parseCentralUrl('mysql://alice@h1,,h3/lamost')).toThrow(/needs a user, host and database/);
    expect(() => parseCentralUrl('mysql://alice@h1,h2:70000/lamost')).toThrow(/has port 70000/);
  });

  it('says what is wrong with a bad central URL', () => {
    expect(() => parseCentralUrl('postgres://a@h/db')).toThrow(/mysql:\/\//);
    expect(() => parseCentralUrl('mysql://h/db')).toThrow(/needs a user, host and database/);
    expect(() => parseCentralUrl('not a url :pw@')).toThrow(/is not a URL/);
    expect(() => parseCentralUrl('mysql://alice:pw@db.example.org:99999/specvet')).toThrow(
      /^central server "mysql:\/\/alice:\*+@db\.example\.org:99999\/specvet" has port 99999; a port is 1–65535/,
    );
  });

  it('takes the config file under the environment, and refuses a password in it', () => {
    const home = tmp();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ central: 'mysql://bob@h:3306/s', data: '/nfs/lamost' }));
    expect(resolveConfig({ SPECVET_HOME: home })).toMatchObject({ home, data: '/nfs/lamost', central: { user: 'bob' } });
    expect(resolveConfig({ SPECVET_HOME: home, SPECVET_DATA: 'https://x/' }).data).toBe('https://x/');
    writeFileSync(join(home, 'config.json'), JSON.stringify({ central: 'mysql://bob:pw@h:3306/s' }));
    expect(() => resolveConfig({ SPECVET_HOME: home })).toThrow(/must not contain a password/);
    writeFileSync(join(home, 'config.json'), '{oops');
    expect(() => resolveConfig({ SPECVET_HOME: home })).toThrow(/not valid JSON/);
  });

  it('a malformed SPECVET_CENTRAL is bad usage: exit 2, one line saying what was expected', async () => {
    const home = tmp();
    const run = (central: string) => runCli(['status'], { SPECVET_HOME: home, SPECVET_CENTRAL: central });
    expect(await run('postgres://bob@db.example/specvet')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specvet: SPECVET_CENTRAL: central server must be a mysql:// URL, got postgres://…; expected mysql://user[:password]@host:port/database\n',
    });
    expect(await run('mysql://bob@db.example:3306')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'specvet: SPECVET_CENTRAL: central server "mysql://bob@db.example:3306" needs a user, host and database: mysql://user@host:3306/database\n',
    });
    writeFileSync(join(home, 'config.json'), '{oops');
    const file = await runCli(['status'], { SPECVET_HOME: home });
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/^specvet: .*config\.json is not valid JSON .*; fix or delete it\n$/);
  });
});
