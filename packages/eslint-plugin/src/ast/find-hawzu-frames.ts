import type { HawzuTarget, HawzuTargetFinder } from "./find-hawzu-target.js";
import type { ValuePlace } from "./find-value-place.js";
import type { ValueFrame } from "./scan-value.js";

const AUTHORIZATION = /^authorization$/i;

/**
 * The frames the structure around a value supports: an Authorization header of a request to Hawzu
 * (config object, headers variable, client instance defaults), or a property of a Hawzu client config.
 */
export function findHawzuTargetFrames(place: ValuePlace, finder: HawzuTargetFinder): Array<{ frame: ValueFrame; how: string }> {
  const key = place.keyName;
  if (!key) return [];
  const container = place.container;
  const parent = place.outer.parent;
  let target: HawzuTarget | undefined;
  if (AUTHORIZATION.test(key)) {
    if (container?.type === "ObjectExpression") target = finder.ofHeaders(container) ?? finder.ofConfig(container);
    else if (container) target = finder.ofConfig(container);
    else if (parent?.type === "AssignmentExpression") target = finder.ofAssignmentTarget(parent.left);
    return target ? [{ frame: { kind: "bearer", url: target.url }, how: `Authorization header of ${target.how}` }] : [];
  }
  if (!container) return [];
  target = finder.ofConfig(container);
  return target ? [{ frame: { kind: "hawzu-object", key }, how: `${key} of ${target.how}` }] : [];
}
