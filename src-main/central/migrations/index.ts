/** Every central migration, in order. Add a file NNNN-name.ts and list it here. */
import type { Migration } from './types';
import { migration as initial } from './1000-initial';
import { migration as views } from './1010-views';
import { migration as push } from './1020-push';
import { migration as manage } from './1030-manage';
import { migration as roles } from './1040-roles';
import { migration as memberEnable } from './1050-member-enable';
import { migration as problemLimits } from './1060-problem-limits';
import { migration as callerChecked } from './1070-caller-checked';
import { migration as pushChecked } from './1080-push-checked';
import { migration as dbRoles } from './1090-db-roles';
import { migration as batchEnded } from './1100-batch-ended';
import { migration as stallWatchdog } from './1110-stall-watchdog';
import { migration as centralIdentity } from './1150-central-identity';
import { migration as batchProgress } from './1200-batch-progress';
import { migration as batchTally } from './1210-batch-tally';
import { migration as qualityDesk } from './1250-quality-desk';
import { migration as recheckSummary } from './1300-recheck-summary';
import { migration as progressDays } from './1420-progress-days';
import { migration as myBatchesDue } from './1430-my-batches-due';
import { migration as planCheck } from './1440-plan-check';
import { migration as batchSeen } from './1445-batch-seen';
import { migration as catalogueAnswer } from './1450-catalogue-answer';
import { migration as itemSurveyFields } from './1520-item-survey-fields';
import { migration as disableWithoutCursor } from './1600-disable-without-cursor';
import { migration as catalogueSurveyFields } from './1760-catalogue-survey-fields';

// One per line, in version order: branches that each add one merge without a conflict.
export const MIGRATIONS: readonly Migration[] = [
  initial, views, push, manage, roles, memberEnable, problemLimits, callerChecked, pushChecked, dbRoles,
  batchEnded, stallWatchdog, centralIdentity, batchProgress, batchTally, qualityDesk, recheckSummary,
  progressDays,
  myBatchesDue,
  planCheck,
  batchSeen,
  catalogueAnswer,
  itemSurveyFields,
  disableWithoutCursor,
  catalogueSurveyFields,
];

/** The newest schema this build of SpecVet knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
