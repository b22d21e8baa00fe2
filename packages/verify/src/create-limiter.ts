/** Runs async tasks with at most `limit` in flight; the rest wait in order. */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** The most tasks that ever ran at once. */
  readonly peak: number;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("concurrency must be an integer of at least 1");
  const waiting: (() => void)[] = [];
  let active = 0;
  let peak = 0;
  const acquire = (): Promise<void> => {
    if (active < limit) {
      active++;
      peak = Math.max(peak, active);
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
  };
}
