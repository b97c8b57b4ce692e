import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Client } from 'pg';
import { withDeadline } from '@claimflow/kafka';

/**
 * The database's share of a readiness answer (checks run side by side; readiness answers within 3 s; see
 * BROKER_PROBE_MS for the margin). Without it a
 * ping waits for the pool's connection timeout (5 s) when Postgres does not answer at all.
 */
export const DATABASE_PROBE_MS = 2000;

/** The database URL readiness pings (the service role's, as its Prisma clients use). */
export const DATABASE_PROBE_URL = Symbol('DATABASE_PROBE_URL');

/**
 * Is the database there? A connection of its own, kept open, not one of the pool's: under a 1,000-client flood the
 * ping through Prisma's pool queued behind 64 intakes for a connection, and readiness answered in 3.35-4.3 s (CI and
 * a full local run of admission.int-spec: 5 answers in 15 s); on its own connection the longest answer was 0.3 s.
 * Probes that arrive while one is in flight share it; a connection that failed is dropped (without waiting on it)
 * and the next probe opens a new one, so a dead database shows at the next probe.
 */
@Injectable()
export class PrismaHealthIndicator implements OnApplicationShutdown {
  private client?: Client;
  private connecting?: Promise<unknown>;
  private inFlight?: Promise<void>;

  constructor(
    @Inject(DATABASE_PROBE_URL) private readonly databaseUrl: string,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'postgres') {
    const indicator = this.health.check(key);
    try {
      await withDeadline((this.inFlight ??= this.ping()), DATABASE_PROBE_MS, 'the database');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async ping(): Promise<void> {
    try {
      if (!this.client) {
        // query_timeout: a ping on a connection to a frozen or unreachable server would otherwise wait forever, and
        // every later probe would share it; it fails instead, and the connection is dropped.
        const client = new Client({
          connectionString: this.databaseUrl,
          connectionTimeoutMillis: DATABASE_PROBE_MS,
          query_timeout: DATABASE_PROBE_MS,
        });
        // A connection dying while idle (Postgres stopped) is an 'error' event, fatal to the process without a listener.
        client.on('error', () => this.release(client));
        this.client = client;
        this.connecting = client.connect();
      }
      const client = this.client;
      await this.connecting;
      await client.query('SELECT 1');
    } catch (error) {
      this.release(this.client);
      throw error;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Lets a connection go without waiting for it. */
  private release(client: Client | undefined): void {
    if (!client || client !== this.client) return;
    this.client = undefined;
    this.connecting = undefined;
    void client.end().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.release(this.client);
  }
}
