/**
 * @module A libSQL `Client` for local files that prepares each SQL text once and reuses the statement.
 */
import {
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import Database from 'libsql'

/** Enough for every query shape the app builds; the REST engine's dynamic SQL repeats too. */
const MAX_STATEMENTS = 500

interface Prepared {
  stmt: Database.Statement
  reader: boolean
  columns: string[]
  columnTypes: string[]
  /** Rows of this statement: own enumerable column names, and the array view drizzle reads by index. */
  row: (values: unknown[]) => Row
}

const VALUES = Symbol('values')

/**
 * The row shape `@libsql/client` gives (names enumerable, indices and `length` not), built cheaply: the
 * index view lives on a prototype shared by every row of the statement instead of being defined per row.
 */
function rowFactory(columns: readonly string[]): (values: unknown[]) => Row {
  const proto: PropertyDescriptorMap = {
    length: { get: () => columns.length },
  }
  columns.forEach((_, i) => {
    proto[i] = {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i]
      },
    }
  })
  const prototype = Object.create(Object.prototype, proto)
  return (values) => {
    const row = Object.create(prototype)
    Object.defineProperty(row, VALUES, { value: values })
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i] as string
      if (!Object.hasOwn(row, name)) row[name] = values[i]
    }
    return row
  }
}

const minInteger = -9223372036854775808n
const maxInteger = 9223372036854775807n

/** The same argument conversion as `@libsql/client` (intMode "number"). */
function toSql(value: InValue | undefined): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError('Only finite numbers can be passed as arguments')
      return value
    case 'bigint':
      if (value < minInteger || value > maxInteger) throw new RangeError('bigint is out of 64-bit range')
      return value
    case 'boolean':
      return value ? 1 : 0
    case 'undefined':
      throw new TypeError('undefined cannot be passed as argument to the database')
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Date) return value.valueOf()
  return value
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number')
    }
    return Number(value)
  }
  if (value instanceof Buffer)
    return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
  return value
}

function toArgs(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return []
  if (Array.isArray(args)) return args.map(toSql)
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(args)) {
    named['@$:'.includes(name[0] ?? '') ? name.slice(1) : name] = toSql(value)
  }
  return named
}

const sqliteCodes: Record<number, string> = {
  1: 'SQLITE_ERROR',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  8: 'SQLITE_READONLY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  25: 'SQLITE_RANGE',
}

/** SQLite's errors as `LibsqlError`s, as `@libsql/client` throws them (the error mapper reads their message). */
function toLibsqlError(e: unknown): unknown {
  if (!(e instanceof Database.SqliteError)) return e
  const err = e as InstanceType<typeof Database.SqliteError>
  const base = (err.rawCode ?? 0) & 0xff
  const code = sqliteCodes[base] ?? `SQLITE_UNKNOWN_${base}`
  return new LibsqlError(err.message, code, err.code, err.rawCode, err)
}

class LocalResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}
  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.slice.call(row)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid?.toString() ?? null,
    }
  }
}

const begin: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN', deferred: 'BEGIN' }

/**
 * One connection to a local SQLite file (or `:memory:`), behind the `Client` interface drizzle's libSQL
 * driver takes, so `Db` and `db.batch` stay what they are. `@libsql/client` prepares every statement again
 * on each call and reads its columns twice; here a statement is prepared once per SQL text and kept. Every
 * call runs synchronously on the one connection, so a batch's BEGIN…COMMIT never interleaves with another
 * request's statements. Interactive transactions would: they are refused (the app uses `db.batch`).
 */
export class SqliteClient implements Client {
  readonly protocol = 'file'
  closed = false
  readonly #db: Database.Database
  readonly #statements = new Map<string, Prepared>()

  constructor(path: string) {
    this.#db = new Database(path)
  }

  #prepare(sql: string): Prepared {
    const cached = this.#statements.get(sql)
    if (cached) return cached
    const stmt = this.#db.prepare(sql)
    stmt.safeIntegers(true)
    const reader = stmt.reader
    if (reader) stmt.raw(true)
    const defs = reader ? stmt.columns() : []
    const columns = defs.map((c) => c.name)
    const prepared: Prepared = {
      stmt,
      reader,
      columns,
      columnTypes: defs.map((c) => c.type ?? ''),
      row: rowFactory(columns),
    }
    // Past the cap, forget the oldest shape: an unbounded cache would grow with every new query text.
    if (this.#statements.size >= MAX_STATEMENTS) {
      const oldest = this.#statements.keys().next().value
      if (oldest !== undefined) this.#statements.delete(oldest)
    }
    this.#statements.set(sql, prepared)
    return prepared
  }

  #run(stmt: InStatement | [string, InArgs?]): ResultSet {
    const [sql, args] =
      typeof stmt === 'string' ? [stmt, undefined] : Array.isArray(stmt) ? stmt : [stmt.sql, stmt.args]
    try {
      const p = this.#prepare(sql)
      const bound = toArgs(args)
      if (p.reader) {
        const raw = p.stmt.all(bound) as unknown[][]
        const rows = raw.map((values) => {
          for (let i = 0; i < values.length; i++) values[i] = fromSql(values[i])
          return p.row(values)
        })
        return new LocalResultSet(p.columns, p.columnTypes, rows, 0, undefined)
      }
      const info = p.stmt.run(bound)
      return new LocalResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid))
    } catch (e) {
      throw toLibsqlError(e)
    }
  }

  #check(): void {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
  }

  /** Runs `stmts` between BEGIN and COMMIT; any failure rolls all of them back. */
  #inTransaction(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode): ResultSet[] {
    this.#run(begin[mode])
    try {
      const results = stmts.map((stmt, i) => {
        try {
          return this.#run(stmt)
        } catch (e) {
          if (e instanceof LibsqlError) {
            throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e.cause as Error)
          }
          throw e
        }
      })
      this.#run('COMMIT')
      return results
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK')
    }
  }

  async execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
    this.#check()
    return this.#run(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql)
  }

  async batch(
    stmts: Array<InStatement | [string, InArgs?]>,
    mode: TransactionMode = 'deferred',
  ): Promise<ResultSet[]> {
    this.#check()
    return this.#inTransaction(stmts, mode)
  }

  /** drizzle's migrator: the statements in one transaction with foreign keys off, as `@libsql/client` does. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#check()
    this.#db.exec('PRAGMA foreign_keys=off')
    try {
      return this.#inTransaction(stmts, 'deferred')
    } finally {
      this.#db.exec('PRAGMA foreign_keys=on')
      this.#statements.clear() // the schema may have changed under the kept statements
    }
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check()
    try {
      this.#db.exec(sql)
    } catch (e) {
      throw toLibsqlError(e)
    } finally {
      this.#statements.clear()
    }
  }

  async transaction(): Promise<Transaction> {
    throw new LibsqlError(
      'Interactive transactions are not supported on the shared connection: use db.batch([...])',
      'TRANSACTION_UNSUPPORTED',
    )
  }

  async sync(): Promise<never> {
    throw new LibsqlError(
      'sync() is for embedded replicas, which this client does not open',
      'SYNC_UNSUPPORTED',
    )
  }

  reconnect(): void {
    // One local connection never drops; nothing to do.
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.#statements.clear()
    this.#db.close()
  }
}
