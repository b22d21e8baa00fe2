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
 */
export function foldConstant(node: TSESTree.Node): FoldedString | undefined {
  const folded = foldPart(node, true);
  if (!folded || folded.value.length > LONGEST_VALUE) return undefined;
  return folded;
}

function foldPart(node: TSESTree.Node, top: boolean): FoldedString | undefined {
  switch (node.type) {
    case "Literal": {
      if (typeof node.value === "string") {
        const verbatim = node.raw.slice(1, -1) === node.value;
        return piece(node.value, verbatim ? node.range[0] + 1 : undefined, false);
      }
      // Numbers and booleans only count inside a string expression (`${42}`), never on their own.
      if (!top && (typeof node.value === "number" || typeof node.value === "boolean")) return piece(String(node.value), undefined, false);
      return undefined;
    }
    case "TemplateLiteral": {
      const pieces: FoldedPiece[] = [];
      let value = "";
      for (let index = 0; index < node.quasis.length; index++) {
        const quasi = node.quasis[index]!;
        const cooked = quasi.value.cooked;
        if (typeof cooked !== "string") return undefined;
        // A TemplateElement's range includes its delimiters (` or }, and ` or ${).
        pieces.push({ valueStart: value.length, valueEnd: value.length + cooked.length, sourceStart: quasi.value.raw === cooked ? quasi.range[0] + 1 : undefined });
        value += cooked;
        const expression = node.expressions[index];
        if (expression) {
          const inner = foldPart(expression, false);
          if (!inner) return undefined;
          for (const part of inner.pieces) pieces.push(shift(part, value.length));
          value += inner.value;
        }
        if (value.length > LONGEST_VALUE) return undefined;
      }
      return { value, pieces, folded: node.expressions.length > 0 };
    }
    case "BinaryExpression": {
      if (node.operator !== "+") return undefined;
      const left = foldPart(node.left, false);
      if (!left) return undefined;
      const right = foldPart(node.right, false);
      if (!right || left.value.length + right.value.length > LONGEST_VALUE) return undefined;
      // `1 + 2` is a number, not "12": one side must be a string expression.
      if (!isStringExpression(node.left) && !isStringExpression(node.right)) return undefined;
      return {
        value: left.value + right.value,
        pieces: [...left.pieces, ...right.pieces.map((part) => shift(part, left.value.length))],
        folded: true,
      };
    }
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "TSTypeAssertion":
      return foldPart(node.expression, top);
    default:
      return undefined;
  }
}

function isStringExpression(node: TSESTree.Node): boolean {
  if (node.type === "Literal") return typeof node.value === "string";
  if (node.type === "TemplateLiteral") return true;
  if (node.type === "BinaryExpression") return isStringExpression(node.left) || isStringExpression(node.right);
  if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression" || node.type === "TSNonNullExpression") return isStringExpression(node.expression);
  return false;
}

function piece(value: string, sourceStart: number | undefined, folded: boolean): FoldedString {
  return { value, pieces: [{ valueStart: 0, valueEnd: value.length, sourceStart }], folded };
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
