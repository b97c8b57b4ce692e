import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

export type MembershipStatus = 'not-started' | 'joining' | 'member' | 'left' | 'crashed';

/**
 * Whether this process's consumer is a member of its group, as kafkajs reports it (group join,
 * rebalance, crash, stop). Readiness is down until it joins, so an orchestrator routes around a
 * service that is not consuming.
 */
@Injectable()
export class ConsumerGroupState {
  private current: { status: MembershipStatus; since: Date; detail?: string } = { status: 'not-started', since: new Date() };
  /** A service with no consumer (no group) is ready without one. */
  expected = false;

  set(status: MembershipStatus, detail?: string): void {
    this.current = { status, since: new Date(), detail };
  }

  get status(): MembershipStatus {
    return this.current.status;
  }

  describe() {
    return {
      membership: this.current.status,
      since: this.current.since.toISOString(),
      ...(this.current.detail ? { detail: this.current.detail } : {}),
    };
  }
}

@Injectable()
export class ConsumerGroupHealthIndicator {
  constructor(
    private readonly state: ConsumerGroupState,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'consumerGroup') {
    const indicator = this.health.check(key);
    if (!this.state.expected) return indicator.up({ membership: 'no consumer' });
    return this.state.status === 'member' ? indicator.up(this.state.describe()) : indicator.down(this.state.describe());
  }
}
