/** Every local cache migration, in order. Add a file NNNN-name.ts and list it here. */
import type { Migration } from './types';
import { migration1000 } from './1000-initial';
import { migration1010 } from './1010-verdict-order-index';
import { migration1020 } from './1020-outbox-refused-and-claims';
import { migration1030 } from './1030-central-nulls-and-set-aside';
import { migration1040 } from './1040-verdict-by-obsid';
import { migration1050 } from './1050-problem-handling';
import { migration1100 } from './1100-batch-due';
import { migration1110 } from './1110-item-survey-fields';
import { migration1130 } from './1130-file-failure';

export const MIGRATIONS: readonly Migration[] = [migration1000, migration1010, migration1020, migration1030, migration1040, migration1050, migration1100, migration1110, migration1130];

/** The newest cache schema this build of SpecVet knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
