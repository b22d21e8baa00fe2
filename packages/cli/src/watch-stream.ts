import type { Writable } from "node:stream";

/** Watches an output stream for write failures (full disk, closed pipe), so none is left unhandled. */
export interface StreamWatch {
  /** The first write failure so far, if any. */
  failure(): NodeJS.ErrnoException | undefined;
  /** Resolves once everything written so far has been handed to the system, to the failure if any. */
  settled(): Promise<NodeJS.ErrnoException | undefined>;
  /** Removes the listener. */
  stop(): void;
}

export function watchStream(stream: Writable): StreamWatch {
  let first: NodeJS.ErrnoException | undefined;
  // Without a listener, a failed write is an unhandled 'error' event: a stack trace and exit 1.
  const onError = (error: NodeJS.ErrnoException) => (first ??= error);
  stream.on("error", onError);
  return {
    failure: () => first,
    settled: () =>
      new Promise((resolve) => {
        if (first || stream.destroyed || stream.writableEnded) return resolve(first);
        // Writes complete in order: the callback of an empty write comes after all earlier ones.
        stream.write("", (error) => resolve(first ?? (error as NodeJS.ErrnoException | null | undefined) ?? undefined));
      }),
    stop: () => stream.off("error", onError),
  };
}
