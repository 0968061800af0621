import type { BatchAppend, Decider, EventMetadata, NewEvent } from '@jixiao/events';

/** Who acts: the verified caller a resolver would put in the event metadata. */
export interface Actor {
  actorId: string;
  role: string;
  unitId: string | null;
}

interface Head {
  state: unknown;
  version: number;
}

/**
 * Runs commands through their deciders exactly as the command handler does — fold, decide,
 * append at the version read — but keeps each stream's state in memory instead of re-reading it.
 */
export class Streams {
  private readonly heads = new Map<string, Head>();
  readonly out: BatchAppend[] = [];

  constructor(
    private readonly metadata: (actor: Actor) => EventMetadata,
    private readonly clock: () => Date,
  ) {}

  /** Decides `command` on the stream's current state, records the append, and returns the new state. */
  run<C, E extends NewEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, actor: Actor): S {
    const head = this.heads.get(streamId) ?? { state: decider.initialState(), version: 0 };
    const events = decider.decide(command, head.state as S);
    const state = events.reduce(decider.evolve, head.state as S);
    this.out.push({
      streamId,
      events,
      expectedVersion: head.version,
      metadata: this.metadata(actor),
      recordedAt: this.clock(),
    });
    this.heads.set(streamId, { state, version: head.version + events.length });
    return state;
  }

  /** The stream's version now (0 before its first event): what a decision citing the stream records. */
  versionOf(streamId: string): number {
    return this.heads.get(streamId)?.version ?? 0;
  }

  /** Drops a finished stream's state, so a city-year of any size runs in bounded memory. */
  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  /** The appends recorded since the last drain. */
  drain(): BatchAppend[] {
    return this.out.splice(0, this.out.length);
  }
}
