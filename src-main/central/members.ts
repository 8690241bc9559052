/**
 * Admin service: SpecVet accounts. One MySQL account per person for '%', its role as the
 * default role (so it is active on login), and a chk_member row — all done by the definer
 * procedures member_add / member_disable / member_enable, which only admins may call.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './connection';
import { ROLES, type Role } from '../../shared/model';
import { PLAIN_USER_NAME, RESERVED_USER_NAMES } from './migrations/memberSql';

export interface NewMember {
  user: string;
  role: Role;
  department: string;
  password: string;
}

/** A plain user name, as member_add (migrations/memberSql.ts) checks it too. */
export const USER_NAME = new RegExp(PLAIN_USER_NAME);
/** The server's own accounts and SpecVet's role prefix: never a person's name. */
const RESERVED = new Set(RESERVED_USER_NAMES);

/** The mysql_native_password hash, so the plain password never reaches the server or its logs. */
export function nativePasswordHash(password: string): string {
  const once = createHash('sha1').update(password, 'utf8').digest();
  return '*' + createHash('sha1').update(once).digest('hex').toUpperCase();
}

/** Checks the input; returns the problem as one line, or null. */
export function memberProblem(m: NewMember): string | null {
  if (!USER_NAME.test(m.user)) return `user name "${m.user}" must be a lower-case letter then up to 31 lower-case letters, digits, _ . or -`;
  if (RESERVED.has(m.user) || m.user.startsWith('specvet_')) return `user name "${m.user}" is reserved (the server's own accounts and SpecVet's roles); choose another`;
  if (!(ROLES as readonly string[]).includes(m.role)) return `role must be one of ${ROLES.join(', ')}, got "${m.role}"`;
  if (m.password.length < 8) return 'the password must have at least 8 characters';
  if (m.department.length > 128) return 'the department name is longer than 128 characters';
  return null;
}

export async function addMember(db: Queryable, m: NewMember): Promise<void> {
  const problem = memberProblem(m);
  if (problem) throw new RangeError(problem);
  await db.execute('CALL member_add(?, ?, ?, ?)', [m.user, m.role, m.department, nativePasswordHash(m.password)]);
}

export async function disableMember(db: Queryable, user: string): Promise<void> {
  await db.execute('CALL member_disable(?)', [user]);
}

/** Undoes disableMember: the account is unlocked and the member active again. */
export async function enableMember(db: Queryable, user: string): Promise<void> {
  await db.execute('CALL member_enable(?)', [user]);
}

export interface ActiveMember {
  user: string;
  role: Role;
}

/** The team's active members, reviewers first (coordinators, 2D team and admins read chk_member). */
export async function activeMembers(db: Queryable): Promise<ActiveMember[]> {
  const [rows] = await db.query("SELECT user, role FROM chk_member WHERE active = 1 ORDER BY role <> 'reviewer', role, user");
  return (rows as { user: unknown; role: unknown }[]).map((r) => ({ user: String(r.user), role: r.role as Role }));
}

/** The first of `assignees` who is not an active member, as one line; or null. */
export function unknownAssigneeProblem(assignees: readonly string[], members: readonly ActiveMember[]): string | null {
  const known = new Set(members.map((m) => m.user));
  const unknown = assignees.find((a) => !known.has(a));
  if (unknown === undefined) return null;
  const offered = members.filter((m) => m.role === 'reviewer').map((m) => m.user);
  const some = offered.length > 8 ? `${offered.slice(0, 8).join(', ')}, …` : offered.join(', ');
  return `"${unknown}" is not an active member of the team; choose among ${some || 'the members an admin adds'}`;
}
