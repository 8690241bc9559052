/**
 * The WHERE clause of a list or selection built from optional criteria: every criterion the
 * caller did not give (undefined, '' or an empty list) means "any" and adds nothing; every value
 * travels as a parameter, never in the SQL text.
 */

export type SqlValue = string | number;

export class SqlFilter {
  private readonly conditions: string[] = [];
  readonly args: SqlValue[] = [];

  /** `condition` holds exactly one `?`, bound to `value`. */
  add(condition: string, value: SqlValue | undefined): this {
    if (value === undefined || value === '') return this;
    this.conditions.push(condition);
    this.args.push(value);
    return this;
  }

  /** `column` is one of `values`. */
  anyOf(column: string, values: readonly SqlValue[] | null | undefined): this {
    if (!values?.length) return this;
    this.conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    this.args.push(...values);
    return this;
  }

  /** A condition without parameters (a fixed sub-query), kept when `when` holds. */
  always(condition: string, when = true): this {
    if (when) this.conditions.push(condition);
    return this;
  }

  /** `WHERE a AND b …`, or nothing when no criterion was given. */
  get where(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** ` AND a AND b …`, to follow conditions of the caller's own. */
  get and(): string {
    return this.conditions.map((c) => ` AND ${c}`).join('');
  }
}
