/**
 * What a pushed row must look like, checked by the server before it is stored (issue 16,
 * finding 5). JSON_TABLE converts silently — subclass 100 characters became 64, quality
 * "4 OR 1=1" became 4 — so the push procedures read every field as text and test it here;
 * a row that fails is not inserted, and a second pass names the first such row and why.
 */
import { deny } from './sql';

/** Longest comment or problem text, in characters: the same cap as the client's form. */
export const MAX_TEXT_CHARS = 20_000;

const UUID = "'^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'";
const WHOLE = "'^[0-9]{1,18}$'";
const NUMBER = "'^-?[0-9]+([.][0-9]+)?([eE][-+]?[0-9]{1,3})?$'";
const DATETIME = "'^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?$'";

/** One rule: an SQL condition on the JSON_TABLE row `j` and the message when it fails. */
export type Rule = readonly [condition: string, message: string];

const shown = (col: string) => `'"', LEFT(COALESCE(j.${col}, 'nothing'), 40), '"'`;
const matches = (col: string, re: string) => `j.${col} REGEXP ${re}`;
const text = (col: string, max: number, label: string): Rule => [
  `CHAR_LENGTH(j.${col}) <= ${max}`,
  `CONCAT('has ${label} of ', COALESCE(CHAR_LENGTH(j.${col}), 'no'), ' characters; at most ${max}')`,
];
const whole = (col: string, label: string): Rule => [matches(col, WHOLE), `CONCAT('has ${label} ', ${shown(col)}, '; it must be a whole number')`];

/** The rules of a verdict's fields, by field (a coordinator's resolution shares most of them). */
export const VERDICT_FIELD_RULES = {
  id: [matches('id', UUID), `CONCAT('has id ', ${shown('id')}, '; it must be a UUID')`],
  obsid: whole('obsid', 'obsid'),
  batch_id: [matches('batch_id', UUID), `CONCAT('has batchId ', ${shown('batch_id')}, '; it must be a UUID')`],
  class: [`j.class IN ('STAR', 'GALAXY', 'QSO', 'UNKNOWN')`, `CONCAT('has class ', ${shown('class')}, '; it must be STAR, GALAXY, QSO or UNKNOWN')`],
  subclass: text('subclass', 64, 'a subclass'),
  z: [matches('z', NUMBER), `CONCAT('has z ', ${shown('z')}, '; it must be a number')`],
  quality: [`j.quality REGEXP '^[0-4]$'`, `CONCAT('has quality ', ${shown('quality')}, '; it must be a whole number 0-4')`],
  flags: [`JSON_VALID(j.flags) AND JSON_TYPE(j.flags) = 'ARRAY' AND CHAR_LENGTH(j.flags) <= 4000`, `'has flags that are not a JSON array of at most 4,000 characters'`],
  comment: text('comment', MAX_TEXT_CHARS, 'a comment'),
  supersedes: [`j.supersedes IS NULL OR ${matches('supersedes', UUID)}`, `CONCAT('supersedes ', ${shown('supersedes')}, ', which is not a UUID')`],
  created_at: [matches('created_at', DATETIME), `CONCAT('has createdAt ', ${shown('created_at')}, '; it must be YYYY-MM-DD HH:MM:SS.mmm')`],
} satisfies Record<string, Rule>;

export const VERDICT_RULES: readonly Rule[] = Object.values(VERDICT_FIELD_RULES);

const ID_RULE: Rule = VERDICT_FIELD_RULES.id;

/** An answer about a spectrum: a verdict's or a recheck's class, subclass, z and quality. */
const ANSWER_RULES: readonly Rule[] = [VERDICT_FIELD_RULES.class, VERDICT_FIELD_RULES.subclass, VERDICT_FIELD_RULES.z, VERDICT_FIELD_RULES.quality];

/** A coordinator's final answer (humanrecheck, 1250): the verdict's fields a recheck has. */
export const RECHECK_RULES: readonly Rule[] = [
  ID_RULE,
  whole('obsid', 'obsid'),
  ...ANSWER_RULES,
  text('comment', MAX_TEXT_CHARS, 'a comment'),
];

export const PROBLEM_RULES: readonly Rule[] = [
  ID_RULE,
  whole('lmjd', 'lmjd'),
  text('planid', 64, 'a planid'),
  whole('spid', 'spid'),
  whole('fiber_from', 'fiberFrom'),
  whole('fiber_to', 'fiberTo'),
  text('type', 64, 'a type'),
  [`j.origin IN ('raw', '2d')`, `CONCAT('has origin ', ${shown('origin')}, '; it must be raw or 2d')`],
  text('text', MAX_TEXT_CHARS, 'a text'),
  [matches('created_at', DATETIME), `CONCAT('has createdAt ', ${shown('created_at')}, '; it must be YYYY-MM-DD HH:MM:SS.mmm')`],
];

/** All rules hold (NULL counts as failing). */
export const allHold = (rules: readonly Rule[]) => rules.map(([c]) => `COALESCE(${c}, FALSE)`).join('\n    AND ');

/** The first failing rule's message, or NULL. */
export const firstFailure = (rules: readonly Rule[]) =>
  `CASE ${rules.map(([c, m]) => `WHEN NOT COALESCE(${c}, FALSE) THEN ${m}`).join('\n      ')} END`;

/** SQL refusing the whole call when a row of `doc` breaks a rule, naming the first such row as
 * "denied: WHAT ID has …". Needs `bad` declared. */
export const refuseFirstBreach = (rules: readonly Rule[], columns: string, what: string) => `SET bad = (SELECT CONCAT(LEFT(COALESCE(j.id, '(no id)'), 36), ' ', ${firstFailure(rules)})
      FROM JSON_TABLE(doc, '$[*]' COLUMNS (${columns})) j
      WHERE NOT (${allHold(rules)}) ORDER BY j.ord LIMIT 1);
    IF bad IS NOT NULL THEN
      ${deny(`CONCAT('denied: ${what} ', bad)`)}
    END IF;`;

/** JSON_TABLE columns reading every named field as raw text (nothing converted or cut). */
export const rawColumns = (fields: Record<string, string>) =>
  ['ord FOR ORDINALITY', ...Object.entries(fields).map(([col, path]) => `${col} LONGTEXT CHARACTER SET utf8mb4 PATH '$.${path}'`)].join(',\n      ');
