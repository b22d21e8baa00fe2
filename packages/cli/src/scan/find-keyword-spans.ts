/**
 * The stretches of `block` within `margin` bytes of a needle, as [start, end) pairs (start may be
 * negative, end past the block: the caller clips), each needle's spans merged where they touch.
 * Their union is that of one span per hit; a line that says "hawzu hawzu ..." holds a needle every
 * six bytes, and a span per hit cost a 10 MB line hundreds of MB. After a span's first hit, the
 * last hit within 2 * margin of its last one (`lastIndexOf` from there) extends it, again and again;
 * the next hit beyond starts a new span. Cost: linear in the block per needle.
 */
export function findKeywordSpans(block: Buffer, needles: readonly Buffer[], margin: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const needle of needles) {
    for (let first = block.indexOf(needle); first !== -1; ) {
      let last = first;
      for (let next = block.lastIndexOf(needle, last + 2 * margin); next > last; next = block.lastIndexOf(needle, last + 2 * margin)) last = next;
      spans.push([first - margin, last + margin]);
      first = block.indexOf(needle, last + 2 * margin + 1);
    }
  }
  return spans;
}
