/**
 * The top bar's progress line and the check a progress event passes in the renderer (it
 * crossed IPC or the event stream), the data source rule both sides use, and the main side's
 * pacing of progress events.
 */
import { describe, expect, it } from 'vitest';
import { dataSourceProblem, normalDataSource } from '../../shared/dataSource';
import { progressLine, readSyncProgress } from '../../shared/syncProgress';
import { throttled } from '../../src-main/app/syncControl';
import type { SyncProgress } from '../../shared/model';

describe('sync progress', () => {
  it('says what is being counted, with both counts', () => {
    expect(progressLine({ phase: 'files', done: 120, total: 480 })).toBe('fetching 120 / 480 files');
    expect(progressLine({ phase: 'files', done: 1200, total: 4800 })).toBe('fetching 1,200 / 4,800 files');
    expect(progressLine({ phase: 'push', done: 3, total: 40 })).toBe('pushing 3 / 40 changes');
    expect(progressLine({ phase: 'pull', done: 1, total: 2 })).toBe('pulling page 1 / 2');
    expect(progressLine({ phase: 'files', done: 0, total: 0 })).toBe('fetching files…');
  });

  it('takes only a well-formed event', () => {
    expect(readSyncProgress({ phase: 'files', done: 1, total: 2 })).toEqual({ phase: 'files', done: 1, total: 2 });
    expect(readSyncProgress({ phase: 'files', done: 1, total: 2, extra: '<img>' })).toEqual({ phase: 'files', done: 1, total: 2 });
    for (const bad of [null, 'files', { phase: 'wipe', done: 1, total: 2 }, { phase: 'files', done: 3, total: 2 }, { phase: 'files', done: -1, total: 2 }, { phase: 'files', done: 0.5, total: 2 }, { phase: 'files', done: '1', total: 2 }]) {
      expect(readSyncProgress(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('goes out at most every 100 ms within a phase; a new phase and a finished count always go out', () => {
    let t = 0;
    const sent: SyncProgress[] = [];
    const emit = throttled((p) => sent.push(p), () => t);
    for (let done = 0; done <= 480; done++) {
      emit({ phase: 'files', done, total: 480 });
      t += 1;
    }
    emit({ phase: 'push', done: 0, total: 5 });
    expect(sent.length).toBeLessThan(10);
    expect(sent.at(-2)).toEqual({ phase: 'files', done: 480, total: 480 });
    expect(sent.at(-1)).toEqual({ phase: 'push', done: 0, total: 5 });
  });
});

describe('data source', () => {
  it('is a folder from the root or an http(s) address; blank is none', () => {
    for (const ok of ['/data/lamost', 'https://files.example.org/lamost/', 'http://10.0.0.2:8080/dr10', 'D:\\lamost', '', '   ']) expect(dataSourceProblem(ok), ok).toBeNull();
    expect(dataSourceProblem('data/lamost')).toMatch(/from the root/);
    expect(dataSourceProblem('ftp://files.example.org/')).toMatch(/ftp addresses are not supported/);
    expect(dataSourceProblem('https://me:secret@files.example.org/')).toMatch(/must not carry a user or password/);
    expect(normalDataSource('  /data  ')).toBe('/data');
    expect(normalDataSource(' ')).toBeNull();
  });
});
