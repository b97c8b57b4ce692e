import type { ClusterDiagnosis } from './cluster-diagnosis';
import type { ClaimOutcome } from './cluster-outcome';

/** What runClusterKill measured (figures only, no claim content). */
export interface ClusterKillReport extends ClaimOutcome {
  /** Replicas and min.insync.replicas of the topics the services created, as the cluster reports them. */
  readonly topics: { readonly count: number; readonly replicas: number[]; readonly minInsync: string[] };
  readonly killedNode: number;
  /** Partitions (ClaimFlow's and the consumer offsets') the killed node led. */
  readonly partitionsLed: number;
  /** Seconds from the kill -9 to a new leader for every partition it led. */
  readonly electionSeconds: number;
  /** Longest span each service answered /health/ready with anything but 200. */
  readonly longestUnready: Record<string, number>;
  /** What the unready answers said was down, per service (check: state or message, with counts). */
  readonly unreadyReasons: Record<string, Record<string, number>>;
  /** Seconds from the restart command to a running node, and from then to no under-replicated partition. */
  readonly restartSeconds: number;
  readonly catchUpSeconds: number;
  readonly underReplicatedAfter: number;
  /** The same counts for the claims first sent before the kill, from the kill to new leaders, and after. */
  readonly perPhase: Record<string, ClaimOutcome>;
  /** Longest single /health/ready answer per service (asked every second all through the run). */
  readonly slowestReadiness: Record<string, number>;
  /** Seconds from spawn to ready per service, and from SIGTERM to exit at the end. */
  readonly startToReady: Record<string, number>;
  readonly sigtermToExit: Record<string, number>;
  /** Statuses, rejection codes and filtered log tails, printed when the run fails. */
  readonly diagnosis: ClusterDiagnosis;
}
