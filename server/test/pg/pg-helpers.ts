// PostgreSQL test helpers: a fresh database per test file (dropped afterwards) on the cluster
// named by DATABASE_URL_TEST, and a TCP proxy in front of it that a test can cut and restore
// to play "the database is restarting" without touching the real cluster.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

/** The test cluster's URL; the pg suites only run when it is set (CI sets it). */
export const TEST_DATABASE_URL = process.env.DATABASE_URL_TEST;

/** Skip reason for `describe(..., { skip })` when no test cluster is configured. */
export const SKIP_WITHOUT_PG: string | false = TEST_DATABASE_URL ? false : 'DATABASE_URL_TEST is not set';

/** A database made for one test file. */
export interface TestDatabase {
  /** URL of the new database (same server and user as DATABASE_URL_TEST). */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error('DATABASE_URL_TEST is not set');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named, empty database. */
export async function createTestDatabase(prefix = 'pk_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return {
    url: url.href,
    name,
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A fresh schema in an existing database, as a URL whose connections use it (`search_path`):
 * cheaper than a database per test, and just as isolated for unqualified table names.
 */
export async function createTestSchema(
  databaseUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pk_s_${randomBytes(6).toString('hex')}`;
  await queryDatabase(databaseUrl, `CREATE SCHEMA ${name}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: url.href,
    drop: () => queryDatabase(databaseUrl, `DROP SCHEMA IF EXISTS ${name} CASCADE`).then(() => undefined),
  };
}

/** Runs one query on a database URL with a short-lived connection. */
export async function queryDatabase<R extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A TCP proxy to the test cluster. `cut()` drops every open connection and refuses new ones (as a
 * restarting database does), `hang()` forwards nothing (a partition); `restore()` forwards again.
 */
export class TcpProxy {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  #cut = false;
  #hanging = false;

  private constructor(server: net.Server) {
    this.#server = server;
  }

  /** Starts a proxy on a free 127.0.0.1 port in front of `target` (`host:port` of a postgres URL). */
  static async start(targetUrl: string): Promise<TcpProxy> {
    const target = new URL(targetUrl);
    const server = net.createServer();
    const proxy = new TcpProxy(server);
    server.on('connection', (socket) => proxy.#accept(socket, target.hostname, Number(target.port || 5432)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  #accept(socket: net.Socket, host: string, port: number): void {
    if (this.#cut) {
      socket.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    for (const [from, to] of [
      [socket, upstream],
      [upstream, socket],
    ] as const) {
      this.#sockets.add(from);
      // While hanging, bytes are swallowed: both sides wait, as across a network partition.
      from.on('data', (chunk: Buffer) => {
        if (!this.#hanging) to.write(chunk);
      });
      from.on('close', () => {
        this.#sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => from.destroy());
    }
  }

  /** The port to put in DATABASE_URL instead of the cluster's. */
  get port(): number {
    const address = this.#server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  /** `url` with host and port replaced by the proxy's. */
  via(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.href;
  }

  /** Drops all connections and refuses new ones until `restore()`. */
  cut(): void {
    this.#cut = true;
    for (const socket of this.#sockets) socket.destroy();
  }

  /** Keeps every connection open but forwards nothing (a network partition) until `restore()`. */
  hang(): void {
    this.#hanging = true;
  }

  /** Forwards again; connections that hung are dropped (as a partition that lasted is). */
  restore(): void {
    if (this.#hanging) for (const socket of this.#sockets) socket.destroy();
    this.#cut = false;
    this.#hanging = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/**
 * Resolves once `sessions` other sessions of `client`'s database wait for a lock: the moment a
 * test has its race set up (a row lock held, the others queued behind it).
 */
export async function waitingForLocks(client: pg.Client, sessions = 1): Promise<void> {
  for (;;) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows.length >= sessions) return;
  }
}
