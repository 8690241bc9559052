/** The sign-in form's reason for a greyed Sign in button, for addresses as people type them. */
import { describe, expect, it } from 'vitest';
import { ADDRESS_SHAPE, addressProblem, isWholeAddress, pastedAddress } from '../../../src-renderer/frame/serverAddress';

describe('server address in the sign-in form', () => {
  it('accepts a complete address, with or without a port', () => {
    expect(addressProblem('mysql://alice@db.example.org:3306/specvet')).toBeNull();
    expect(addressProblem('  mysql://alice@db.example.org/specvet ')).toBeNull();
  });

  it('says what is missing while it is being typed', () => {
    expect(addressProblem('mysql://')).toBe(ADDRESS_SHAPE);
    expect(addressProblem('mysql://alice@')).toBe(ADDRESS_SHAPE);
    expect(addressProblem('mysql://alice@db.example.org')).toBe(`${ADDRESS_SHAPE} — the database is missing`);
    expect(addressProblem('mysql://db.example.org/specvet')).toBe(`${ADDRESS_SHAPE} — the user is missing`);
    expect(addressProblem('db.example.org')).toMatch(/starts with mysql:\/\//);
    expect(addressProblem('mysql://alice@db:99999/specvet')).toMatch(/port is a number 1–65535/);
  });

  it('takes a whole pasted address as it is, a password in it going to its own field', () => {
    expect(isWholeAddress('  mysql://alice@db.example.org:3306/specvet\n')).toBe(true);
    expect(isWholeAddress('db.example.org')).toBe(false);
    expect(pastedAddress(' mysql://alice@db.example.org:3306/specvet ')).toEqual({ address: 'mysql://alice@db.example.org:3306/specvet', password: null });
    expect(pastedAddress('mysql://alice:s3cr%40t@db.example.org:3306/specvet')).toEqual({ address: 'mysql://alice@db.example.org:3306/specvet', password: 's3cr@t' });
  });
});
