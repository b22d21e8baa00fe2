import type { TSESTree } from "@typescript-eslint/utils";

/** One written part of a folded value: where it sits in the value and, if written verbatim, in the source. */
export interface FoldedPiece {
  valueStart: number;
  valueEnd: number;
  /** Source offset of the piece's first character; undefined when escapes make the raw text differ. */
  sourceStart: number | undefined;
}

/** A string expression evaluated at lint time: its value and how the value maps back to the source. */
export interface FoldedString {
  value: string;
  pieces: FoldedPiece[];
  /** True when the value came from more than one written part (a template with expressions, `+`). */
  folded: boolean;
}

// Tokens are at most 512 characters (core); longer constants are prose or data, not worth folding.
const LONGEST_VALUE = 4096;

/**
 * Evaluates a constant string expression: a string literal, a template literal whose expressions are
 * constants, `+` between them, and TypeScript's `as`/`satisfies`/`!` wrappers. Undefined otherwise.
 * A `+` chain is flattened and built once, so the cost is linear in the chain's length.
 */
export function foldConstant(node: TSESTree.Node): FoldedString | undefined {
  const parts: FoldedString[] = [];
  if (!collect(node, true, parts, { length: 0 })) return undefined;
  if (parts.length === 1) return parts[0];
  let value = "";
  const pieces: FoldedPiece[] = [];
  for (const part of parts) {
    for (const piece of part.pieces) pieces.push(shift(piece, value.length));
    value += part.value;
  }
  return { value, pieces, folded: true };
}

/**
 * Appends the written parts of `node` to `parts` (left to right), keeping the running length under
 * the limit; false when the node is not a constant string expression.
 */
function collect(node: TSESTree.Node, top: boolean, parts: FoldedString[], total: { length: number }): boolean {
  node = unwrap(node);
  switch (node.type) {
    case "Literal": {
      let part: FoldedString;
      if (typeof node.value === "string") {
        const verbatim = node.raw.slice(1, -1) === node.value;
        part = piece(node.value, verbatim ? node.range[0] + 1 : undefined);
      } else if (!top && (typeof node.value === "number" || typeof node.value === "boolean")) {
        // Numbers and booleans only count inside a string expression (`${42}`), never on their own.
        part = piece(String(node.value), undefined);
      } else {
        return false;
      }
      return push(part, parts, total);
    }
    case "TemplateLiteral": {
      for (let index = 0; index < node.quasis.length; index++) {
        const quasi = node.quasis[index]!;
        const cooked = quasi.value.cooked;
        if (typeof cooked !== "string") return false;
        // A TemplateElement's range includes its delimiters (` or }, and ` or ${).
        const part = piece(cooked, quasi.value.raw === cooked ? quasi.range[0] + 1 : undefined);
        if (node.expressions.length > 0) part.folded = true;
        if (!push(part, parts, total)) return false;
        const expression = node.expressions[index];
        if (expression && !collect(expression, false, parts, total)) return false;
      }
      return true;
    }
    case "BinaryExpression": {
      // `a + b + c` nests to the left: walk down that spine once instead of recursing per level.
      const operands: TSESTree.Node[] = [];
      let spine: TSESTree.Node = node;
      while (spine.type === "BinaryExpression" && spine.operator === "+") {
        operands.push(unwrap(spine.right));
        spine = unwrap(spine.left);
      }
      if (spine.type === "BinaryExpression" || spine.type === "PrivateIdentifier") return false;
      operands.push(spine);
      operands.reverse();
      // `1 + 2 + "a"` is "3a", not "12a": one of the first two operands must be a string expression.
      if (!isStringExpression(operands[0]!) && !isStringExpression(operands[1]!)) return false;
      const before = parts.length;
      for (const operand of operands) if (!collect(operand, false, parts, total)) return false;
      if (parts.length > before) parts[before]!.folded = true;
      return true;
    }
    default:
      return false;
  }
}

function push(part: FoldedString, parts: FoldedString[], total: { length: number }): boolean {
  total.length += part.value.length;
  if (total.length > LONGEST_VALUE) return false;
  parts.push(part);
  return true;
}

const WRAPPERS = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "TSTypeAssertion"]);

function unwrap(node: TSESTree.Node): TSESTree.Node {
  while (WRAPPERS.has(node.type)) node = (node as TSESTree.TSAsExpression).expression;
  return node;
}

function isStringExpression(node: TSESTree.Node): boolean {
  // Only called on operands of a flattened chain, so a nested `+` here was parenthesised.
  node = unwrap(node);
  if (node.type === "Literal") return typeof node.value === "string";
  if (node.type === "TemplateLiteral") return true;
  if (node.type === "BinaryExpression" && node.operator === "+") return isStringExpression(node.left) || isStringExpression(node.right);
  return false;
}

function piece(value: string, sourceStart: number | undefined): FoldedString {
  return { value, pieces: [{ valueStart: 0, valueEnd: value.length, sourceStart }], folded: false };
}

function shift(part: FoldedPiece, by: number): FoldedPiece {
  return { valueStart: part.valueStart + by, valueEnd: part.valueEnd + by, sourceStart: part.sourceStart };
}

/** The source range of `[start, end)` of the folded value, when it lies inside one verbatim piece. */
export function sourceRangeOf(folded: FoldedString, start: number, end: number): [number, number] | undefined {
  for (const part of folded.pieces) {
    if (part.sourceStart !== undefined && start >= part.valueStart && end <= part.valueEnd) {
      return [part.sourceStart + start - part.valueStart, part.sourceStart + end - part.valueStart];
    }
  }
  return undefined;
}

/**
 * Tells whether a node is folded as part of a larger constant (`"a" + "b"`, `${"a"}`), so only the
 * outermost constant is checked. Each node's summary is memoised: a chain is judged in linear time.
 */
export class ConstantTops {
  private readonly summaries = new WeakMap<TSESTree.Node, Summary | null>();

  isInner(node: TSESTree.Node): boolean {
    let parent = node.parent;
    while (parent && WRAPPERS.has(parent.type)) parent = parent.parent;
    if (!parent || !((parent.type === "BinaryExpression" && parent.operator === "+") || parent.type === "TemplateLiteral")) return false;
    return this.summary(parent) !== null;
  }

  private summary(node: TSESTree.Node): Summary | null {
    let known = this.summaries.get(node);
    if (known === undefined) {
      known = this.summarise(unwrap(node));
      this.summaries.set(node, known);
    }
    return known;
  }

  // From the children's memoised summaries: O(1) per `+` node, O(parts) per template.
  private summarise(node: TSESTree.Node): Summary | null {
    switch (node.type) {
      case "Literal":
        if (typeof node.value === "string") return { length: node.value.length, isString: true };
        if (typeof node.value === "number" || typeof node.value === "boolean") return { length: String(node.value).length, isString: false };
        return null;
      case "TemplateLiteral": {
        let length = 0;
        for (const quasi of node.quasis) {
          if (typeof quasi.value.cooked !== "string") return null;
          length += quasi.value.cooked.length;
        }
        for (const expression of node.expressions) {
          const inner = this.summary(expression);
          if (!inner) return null;
          length += inner.length;
        }
        return length > LONGEST_VALUE ? null : { length, isString: true };
      }
      case "BinaryExpression": {
        if (node.operator !== "+") return null;
        const left = this.summary(node.left);
        const right = left && this.summary(node.right);
        if (!left || !right || (!left.isString && !right.isString) || left.length + right.length > LONGEST_VALUE) return null;
        return { length: left.length + right.length, isString: true };
      }
      default:
        return null;
    }
  }
}

interface Summary {
  length: number;
  isString: boolean;
}
