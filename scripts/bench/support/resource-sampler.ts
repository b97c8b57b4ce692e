import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
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

/** Samples CPU and resident memory of some processes while a phase runs (Linux /proc). */
export class ResourceSampler {
  private readonly startCpu: Record<string, number> = {};
  private readonly maxRss: Record<string, number> = {};
  private readonly startMachine = machine();
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: Record<string, number>) {
    for (const [name, pid] of Object.entries(pids)) this.startCpu[name] = cpuSeconds(pid);
    this.sample();
    this.timer = setInterval(() => this.sample(), 250);
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) this.maxRss[name] = Math.max(this.maxRss[name] ?? 0, rssMb(pid));
  }

  stop(): ResourceFigures {
    clearInterval(this.timer);
    this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const coresUsed = Object.fromEntries(
      Object.entries(this.pids).map(([name, pid]) => [name, +((cpuSeconds(pid) - this.startCpu[name]) / seconds).toFixed(2)]),
    );
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
