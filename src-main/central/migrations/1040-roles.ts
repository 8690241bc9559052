/**
 * The four roles and what each may do in this database. Roles are server-wide (CREATE ROLE
 * IF NOT EXISTS), grants are per database. Nobody but the migrating admin account writes a
 * table directly: every write goes through a definer procedure of 1020/1030.
 */
import type { Migration, MigrationContext } from './types';

export const ROLE_NAMES = {
  reviewer: 'specvet_reviewer',
  coordinator: 'specvet_coordinator',
  '2d': 'specvet_2d',
  admin: 'specvet_admin',
} as const;

const ALL = Object.values(ROLE_NAMES).join(', ');
const SURVEY = ['plan_info', 'target_info', 'obj_info', 'spec_info'];
const OWN_VIEWS = ['my_member', 'my_batches', 'my_items', 'my_verdicts', 'my_bookmarks', 'my_problems'];
const CHECK_TABLES = ['chk_member', 'check_batch', 'spec_check', 'check_status', 'humanverify', 'humanrecheck', 'prob2d'];

function statements({ database }: MigrationContext): string[] {
  const db = '`' + database.replace(/`/g, '``') + '`';
  const on = (object: string) => `${db}.${object}`;
  const grant = (what: string, objects: string[], to: string) => objects.map((o) => `GRANT ${what} ON ${on(o)} TO ${to}`);
  const exec = (procs: string[], to: string) => procs.map((p) => `GRANT EXECUTE ON PROCEDURE ${on(p)} TO ${to}`);
  return [
    ...Object.values(ROLE_NAMES).map((r) => `CREATE ROLE IF NOT EXISTS ${r}`),
    ...grant('SELECT', ['schema_version', 'sync_rev', ...SURVEY, ...OWN_VIEWS], ALL),
    ...exec(['push_verdicts', 'push_problems', 'push_bookmarks'], `${ROLE_NAMES.reviewer}, ${ROLE_NAMES.coordinator}, ${ROLE_NAMES['2d']}`),
    ...grant('SELECT', CHECK_TABLES, ROLE_NAMES.coordinator),
    ...exec(['batch_add', 'batch_cancel', 'recheck_add'], ROLE_NAMES.coordinator),
    ...grant('SELECT', ['prob2d', 'chk_member'], ROLE_NAMES['2d']),
    ...exec(['problem_set_state'], ROLE_NAMES['2d']),
    ...grant('SELECT', ['chk_member'], ROLE_NAMES.admin),
    ...exec(['member_add', 'member_disable'], ROLE_NAMES.admin),
  ];
}

export const migration: Migration = { version: 1040, name: 'roles', statements };
