/** A Git LFS pointer: what git stores in place of a file that LFS keeps elsewhere. */
export interface LfsPointer {
  /** The object's SHA-256, 64 hex digits. */
  oid: string;
  size: number;
}

// The pointer format (git-lfs spec v1): a version line, then sorted `key value` lines; small.
const POINTER_VERSION = "version https://git-lfs.github.com/spec/v1\n";
const LONGEST_POINTER = 1024;
const OID = /^oid sha256:([0-9a-f]{64})$/m;
const SIZE = /^size (\d{1,15})$/m;

/** The pointer a blob holds, or undefined when the blob is content of its own. */
export function parseLfsPointer(content: Buffer): LfsPointer | undefined {
  if (content.length > LONGEST_POINTER || !content.subarray(0, POINTER_VERSION.length).equals(Buffer.from(POINTER_VERSION))) return undefined;
  const text = content.toString("utf8");
  const oid = OID.exec(text)?.[1];
  const size = SIZE.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : undefined;
}
