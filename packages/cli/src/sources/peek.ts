/**
 * Reads at least `bytes` bytes (or all there is) and gives them back with a stream of everything.
 * A source that fails before `bytes` arrived still gives its head; the failure comes after it from
 * the stream, so the bytes that did arrive are sniffed and scanned before the error is reported.
 */
export async function peek(source: AsyncIterable<Buffer>, bytes: number): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  let failure: { error: unknown } | undefined;
  while (length < bytes) {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (error) {
      failure = { error };
      break;
    }
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* taken;
    if (failure) throw failure.error;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(taken), stream: { [Symbol.asyncIterator]: replay } };
}
