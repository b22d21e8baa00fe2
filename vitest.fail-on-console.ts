// Shared setup for the packages that must never print (core, verify): any console call fails the test.
import { afterEach, beforeEach } from "vitest";

const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
const calls: string[] = [];
const originals = new Map<string, (...args: unknown[]) => void>();

beforeEach(() => {
  calls.length = 0;
  for (const method of methods) {
    originals.set(method, console[method]);
    console[method] = () => {
      calls.push(method);
    };
  }
});

afterEach(() => {
  for (const method of methods) console[method] = originals.get(method)!;
  if (calls.length > 0) throw new Error(`this package must not print, but console.${calls[0]} was called`);
});
