// The cluster's virtual clock. Podlab never reads wall time directly: every component asks this
// clock, which maps real time (supplied by the caller) to virtual time at a chosen speed and can
// be paused, resumed and stepped. The state is plain data so the Durable Object can persist it.
// No upstream file: Kubernetes uses k8s.io/utils/clock (Clock / FakeClock); this plays both roles.

export interface ClockState {
  /** Virtual time (ms since epoch) at the anchor. */
  virtualAtAnchor: number;
  /** Real time (ms since epoch) at the anchor. */
  realAtAnchor: number;
  /** Virtual milliseconds per real millisecond (1 = real time). */
  speed: number;
  paused: boolean;
}

export class VirtualClock {
  private state: ClockState;

  /** `realNow` supplies real time (Date.now in the object, a fake in tests). */
  constructor(private readonly realNow: () => number, state?: Partial<ClockState>) {
    const real = realNow();
    this.state = {
      virtualAtAnchor: state?.virtualAtAnchor ?? real,
      realAtAnchor: state?.realAtAnchor ?? real,
      speed: state?.speed ?? 1,
      paused: state?.paused ?? false,
    };
  }

  /** Current virtual time in ms since the epoch. */
  now(): number {
    const s = this.state;
    if (s.paused) return s.virtualAtAnchor;
    return s.virtualAtAnchor + Math.floor((this.realNow() - s.realAtAnchor) * s.speed);
  }

  /** Current virtual time as a Date. */
  date(): Date {
    return new Date(this.now());
  }

  get speed(): number {
    return this.state.speed;
  }

  get paused(): boolean {
    return this.state.paused;
  }

  /** Change speed from now on; virtual time does not jump. */
  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`invalid clock speed ${speed}`);
    this.reanchor();
    this.state.speed = speed;
  }

  pause(): void {
    this.reanchor();
    this.state.paused = true;
  }

  resume(): void {
    this.reanchor();
    this.state.paused = false;
  }

  /** Move virtual time forward by `ms` (works paused or running). */
  step(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`cannot step the clock by ${ms}ms`);
    this.reanchor();
    this.state.virtualAtAnchor += ms;
  }

  /** Move virtual time forward to `t` if it is later than now. */
  advanceTo(t: number): void {
    const now = this.now();
    if (t > now) this.step(t - now);
  }

  /** Real ms until virtual time reaches `virtualMs` (Infinity while paused); used to set the alarm. */
  realDelayUntil(virtualMs: number): number {
    const remaining = virtualMs - this.now();
    if (remaining <= 0) return 0;
    if (this.state.paused) return Infinity;
    return Math.ceil(remaining / this.state.speed);
  }

  /** Sets virtual time to `virtualMs` from now on (a new cluster starts its history in the past). */
  setNow(virtualMs: number): void {
    this.state.virtualAtAnchor = virtualMs;
    this.state.realAtAnchor = this.realNow();
  }

  /** A copy of the state, for persistence. */
  snapshot(): ClockState {
    this.reanchor();
    return { ...this.state };
  }

  private reanchor(): void {
    const virtual = this.now();
    this.state.virtualAtAnchor = virtual;
    this.state.realAtAnchor = this.realNow();
  }
}
