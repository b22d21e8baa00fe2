import { closeSync, constants, openSync } from "node:fs";

/**
 * `read(fd)` on the file at `path`, opened with O_NONBLOCK (a path swapped for a FIFO cannot hang
 * it) and closed afterwards; undefined when it cannot be opened or the read throws, so the caller
 * takes a path that checks the file and names what is wrong with it.
 */
export function withOpenFile<T>(path: string, read: (fd: number) => T | undefined): T | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    return read(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
