import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (undefined once it is gone). */
function cpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Busy and total jiffies of the whole machine (every core), from /proc/stat. */
function machine(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const idle = n[3] + n[4];
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export interface ResourceFigures {
  /** Cores each process kept busy on average (1 = one core flat out). */
  readonly coresUsed: Record<string, number>;
  readonly maxRssMb: Record<string, number>;
  /** Share of the whole machine's CPU time that was busy (every process, other users' too). */
  readonly machineCpuBusy: number;
  readonly loadAverage: string;
}

/**
 * Samples CPU and resident memory of processes while a phase runs (Linux /proc). A group of
 * processes (a database's backends) counts as one; one that exits keeps the CPU it had used.
 */
export class ResourceSampler {
  private readonly startCpu = new Map<number, number>();
  private readonly lastCpu = new Map<number, number>();
  private readonly maxRss: Record<string, number> = {};
  private readonly startMachine = machine();
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly groups: Record<string, number[]>) {
    for (const pid of Object.values(groups).flat()) this.startCpu.set(pid, cpuSeconds(pid) ?? 0);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  /** Processes that started after the phase did (new database connections) count from zero. */
  add(name: string, pids: number[]): void {
    for (const pid of pids.filter((p) => !this.groups[name]?.includes(p))) {
      (this.groups[name] ??= []).push(pid);
      this.startCpu.set(pid, 0);
    }
  }

  private sample(): void {
    for (const [name, pids] of Object.entries(this.groups)) {
      this.maxRss[name] = Math.max(
        this.maxRss[name] ?? 0,
        pids.reduce((sum, pid) => sum + rssMb(pid), 0),
      );
      for (const pid of pids) {
        const cpu = cpuSeconds(pid);
        if (cpu !== undefined) this.lastCpu.set(pid, cpu);
      }
    }
  }

  /** CPU milliseconds each group has used since the sampler started, sampled now (also after stop()). */
  cpuMs(): Record<string, number> {
    this.sample();
    const used = (pids: number[]) => pids.reduce((sum, pid) => sum + (this.lastCpu.get(pid) ?? 0) - (this.startCpu.get(pid) ?? 0), 0);
    return Object.fromEntries(Object.entries(this.groups).map(([name, pids]) => [name, used(pids) * 1000]));
  }

  stop(): ResourceFigures {
    clearInterval(this.timer);
    this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const used = (pids: number[]) => pids.reduce((sum, pid) => sum + (this.lastCpu.get(pid) ?? 0) - (this.startCpu.get(pid) ?? 0), 0);
    const coresUsed = Object.fromEntries(Object.entries(this.groups).map(([name, pids]) => [name, +(used(pids) / seconds).toFixed(2)]));
    const end = machine();
    const machineCpuBusy = +((end.busy - this.startMachine.busy) / Math.max(1, end.total - this.startMachine.total)).toFixed(2);
    return {
      coresUsed,
      maxRssMb: { ...this.maxRss },
      machineCpuBusy,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    };
  }
}
