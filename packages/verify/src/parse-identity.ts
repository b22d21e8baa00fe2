import type { Identity } from "./verification-result.js";

// Field values longer than this are cut: names are short, and a report must stay readable.
const LONGEST_TEXT = 200;

/**
 * Reads a `GET /api/v1/me` body (HAWZU.md: a plain object with id, type, name, workspace and
 * projects with roles) into an {@link Identity}, or undefined when it is not one (no string `id`).
 * Copies only known fields, as text, so nothing else in the body reaches a report.
 */
export function parseIdentity(body: unknown): Identity | undefined {
  if (!isRecord(body)) return undefined;
  const id = text(body.id);
  if (id === undefined) return undefined;
  const identity: Identity = { id, projects: [], accessType: "undetermined" };
  const type = text(body.type);
  if (type !== undefined) identity.type = type;
  const name = text(body.name);
  if (name !== undefined) identity.name = name;
  const role = text(body.role);
  if (role !== undefined) identity.role = role;
  if (isRecord(body.workspace)) {
    const workspaceId = text(body.workspace.id);
    if (workspaceId !== undefined) identity.workspace = withOptional({ id: workspaceId }, body.workspace, ["name", "role"]);
  }
  if (Array.isArray(body.projects)) {
    for (const project of body.projects) {
      if (!isRecord(project)) continue;
      const projectId = text(project.id);
      if (projectId !== undefined) identity.projects.push(withOptional({ id: projectId }, project, ["name", "role"]));
    }
  }
  identity.accessType = accessTypeOf(identity);
  return identity;
}

/**
 * The token's access type, only when the identity says so: a `type` naming workspace or project.
 * The API docs don't define `type` for tokens (HAWZU.md), so a guess
 * from the shape (e.g. "has projects") would be a guess: that stays `undetermined`.
 */
function accessTypeOf(identity: Identity): Identity["accessType"] {
  const type = identity.type?.toLowerCase() ?? "";
  if (type.includes("workspace")) return "workspace";
  if (type.includes("project")) return "project";
  return "undetermined";
}

function withOptional<T extends { id: string }>(target: T, source: Record<string, unknown>, keys: ("name" | "role")[]) {
  const result: T & { name?: string; role?: string } = target;
  for (const key of keys) {
    const value = text(source[key]);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value === "") return undefined;
  return value.length > LONGEST_TEXT ? value.slice(0, LONGEST_TEXT - 3) + "..." : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
