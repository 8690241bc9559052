/** The WHERE builder: criteria left out add nothing, the rest travel as parameters in order. */
import { describe, expect, it } from 'vitest';
import { SqlFilter } from '../../src-main/central/sqlFilter';

describe('SqlFilter', () => {
  it('adds nothing for criteria not given', () => {
    const f = new SqlFilter().add('a = ?', undefined).add('b = ?', '').anyOf('c', []).anyOf('d', undefined).always('e', false);
    expect(f.where).toBe('');
    expect(f.and).toBe('');
    expect(f.args).toEqual([]);
  });

  it('keeps the given criteria, their values as parameters in the order of the placeholders', () => {
    const f = new SqlFilter().add('p.obsdate >= ?', '2024-01-01').anyOf('si.class', ['GALAXY', 'QSO']).always('x IS NULL').add('si.spid = ?', 0);
    expect(f.where).toBe('WHERE p.obsdate >= ? AND si.class IN (?, ?) AND x IS NULL AND si.spid = ?');
    expect(f.and).toBe(' AND p.obsdate >= ? AND si.class IN (?, ?) AND x IS NULL AND si.spid = ?');
    expect(f.args).toEqual(['2024-01-01', 'GALAXY', 'QSO', 0]);
  });
});
