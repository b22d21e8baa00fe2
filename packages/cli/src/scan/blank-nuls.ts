/**
 * NUL bytes as spaces: the text between them is scanned (logrotate's copytruncate pads a log with
 * NULs, container logs and /proc environ files hold them) and every position stays where it was.
 */
export function blankNuls(bytes: Buffer, inPlace: boolean): Buffer {
  const first = bytes.indexOf(0);
  if (first < 0) return bytes;
  const out = inPlace ? bytes : Buffer.from(bytes);
  // A plain loop: padding can be megabytes of NULs, one indexOf call per byte would crawl.
  for (let at = first; at < out.length; at++) if (out[at] === 0) out[at] = 0x20;
  return out;
}
