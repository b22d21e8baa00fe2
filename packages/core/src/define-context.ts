import type { DetectionContext } from "./types.js";

/** Identity helper so each context file gets full type checking, like typescript-eslint's createRule. */
export function defineContext(context: DetectionContext): DetectionContext {
  return context;
}
