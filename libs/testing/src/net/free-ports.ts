import { createServer } from 'node:net';

/**
 * Where blocks are drawn from: below Linux's ephemeral range (32768-60999, where outgoing connections take their local
 * ports) and above the well-known services a CI machine runs (Postgres 5432, Kafka 9092, RabbitMQ 5672/15672).
 * RabbitMQ's inter-node port 25672 is inside it, which is why every port of a block is tried before it is used.
 */
const FIRST = 20_000;
const LAST = 32_000;
/** Draws before giving up: on a machine with a few dozen listeners in the range a block of 40 is found first time. */
const DRAWS = 50;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // 127.0.0.1 collides with a listener on 127.0.0.1, on 0.0.0.0 and on a dual-stack [::] alike.
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * A base port whose block [base, base + span) has no listener now, drawn at random so that test files running side by
 * side rarely draw the same one. For a test's own broker, database or service processes: ports were picked blindly
 * before, and CI's RabbitMQ on 25672 took a chaos run's broker port. Free when asked, not reserved: a process started
 * in between can still take one (scripts/kafka.sh then refuses and says which port).
 */
export async function freePortBlock(span: number): Promise<number> {
  for (let draw = 0; draw < DRAWS; draw++) {
    const base = FIRST + Math.floor(Math.random() * (LAST - FIRST - span));
    let free = true;
    for (let port = base; port < base + span && free; port++) free = await canListen(port);
    if (free) return base;
  }
  throw new Error(`no block of ${span} free ports between ${FIRST} and ${LAST} after ${DRAWS} draws`);
}
