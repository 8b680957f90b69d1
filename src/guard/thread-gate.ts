// How many files the reader pool hands its threads at once. A reader thread costs 0.3 to 0.5 s of CPU
// to start (it loads the reader and a parser for each format it meets), longer than reading a dozen
// forms: a command that reads a few files reads them one after another in the first thread, as fast
// and at half the cost. The gate opens to every thread once the work shows a need for them: after
// enough reads, or as soon as one read runs long (a slow or hostile file must not hold up the rest).

/** Reads after which the work is taken to be long enough to pay for every thread. */
const OPEN_AFTER_READS = 16;
/** A read running this long (timed from when its thread took it, so not a thread's start) opens the gate. */
const OPEN_AFTER_MS = 250;

export interface Pass {
  /** The read reached its thread: from now on it counts as running long or not. */
  started(): void;
  leave(): void;
}

export class ThreadGate {
  private limit = 1;
  private running = 0;
  private finished = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly max: number;

  constructor(max: number) {
    this.max = Math.max(1, max);
  }

  async enter(): Promise<Pass> {
    if (this.running < this.limit) this.running++;
    // A place is handed over by the read that leaves it (or by open()), already counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let slow: NodeJS.Timeout | undefined;
    return {
      started: () => {
        slow = setTimeout(() => this.open(), OPEN_AFTER_MS);
        slow.unref();
      },
      leave: () => {
        clearTimeout(slow);
        if (++this.finished >= OPEN_AFTER_READS) this.open();
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      },
    };
  }

  /** Every thread may take a file from now on. */
  open(): void {
    this.limit = this.max;
    while (this.running < this.limit && this.waiting.length) {
      this.running++;
      this.waiting.shift()!();
    }
  }
}
