import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { kafkaCredentialsCommand, type OwnerCredentials } from '@claimflow/cli';

/** `claimflow kafka-credentials ARGS` in this process: its standard output, once it exited 0 (else it throws). */
export async function kafkaCredentialsCli(...args: string[]): Promise<string> {
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: process.cwd() };
  const code = await kafkaCredentialsCommand.run(args, io);
  if (code !== 0) throw new Error(`kafka-credentials ${args[0]} exited ${code}`);
  return out.join('');
}

/**
 * PM systems on Kafka as a practice-management system runs them: signed in with the credentials `kafka-credentials
 * create --json` gives its owner (TLS trusting its CA, SASL/SCRAM), nothing else. close() closes their producers and
 * revokes the credentials they were given.
 */
export class PmSystems {
  private readonly producers: Producer[] = [];
  private readonly owners = new Set<string>();

  /** New credentials for the owner (its topics and ACLs created), as `create --json` prints them. */
  async credentials(owner: string): Promise<OwnerCredentials> {
    this.owners.add(owner);
    return JSON.parse(await kafkaCredentialsCli('create', '--owner', owner, '--json')) as OwnerCredentials;
  }

  kafkaOf(c: OwnerCredentials): Kafka {
    return new Kafka({ clientId: c.owner, brokers: [...c.brokers], ssl: { ca: [c.ssl.ca] }, sasl: c.sasl, logLevel: logLevel.NOTHING });
  }

  async producerOf(c: OwnerCredentials): Promise<Producer> {
    const producer = this.kafkaOf(c).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    this.producers.push(producer);
    return producer;
  }

  async close(): Promise<void> {
    await Promise.all(this.producers.map((p) => p.disconnect()));
    const quiet = { out: () => undefined, err: () => undefined, cwd: '.' };
    // Side by side: each revoke runs Kafka's own tools (a JVM) twice, 3.7 s an owner one after another (owner-results).
    await Promise.all([...this.owners].map((owner) => kafkaCredentialsCommand.run(['revoke', '--owner', owner], quiet)));
  }
}
