import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceSampler } from './resource-sampler';

/** The local broker's process (scripts/kafka.sh writes its pid to KAFKA_DIR/kafka.pid), when it runs here. */
function brokerPids(): number[] {
  const file = join(process.env.KAFKA_DIR ?? join(__dirname, '../../../.kafka'), 'kafka.pid');
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
  return Number.isInteger(pid) && existsSync(`/proc/${pid}`) ? [pid] : [];
}

/**
 * What else the 2 cores spend a burst on, beside the claim path's processes: the broker (a JVM on the same machine)
 * and the bench itself (the PM system's producer, the recorder of the pipeline's topics). Not in cpuMsPerClaimTotal,
 * which is the claim path's own; printed so that the profile shows what binds the machine.
 */
export function besidesSampler(): ResourceSampler {
  const broker = brokerPids();
  return new ResourceSampler({ ...(broker.length ? { kafka: broker } : {}), bench: [process.pid] });
}
