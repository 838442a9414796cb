/**
 * Whether the server should be sent traffic: not until its store is open and its seed
 * loaded, and not once it has begun to shut down (so a load balancer drains it first).
 * Liveness is only "the process answers"; readiness is this.
 */

export type ReadinessState = 'starting' | 'ready' | 'stopping';

export class Readiness {
  private state: ReadinessState = 'starting';

  get current(): ReadinessState {
    return this.state;
  }

  markReady(): void {
    if (this.state === 'starting') this.state = 'ready';
  }

  markStopping(): void {
    this.state = 'stopping';
  }
}
