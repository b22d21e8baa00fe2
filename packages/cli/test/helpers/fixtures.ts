import { seededRandom } from "../../../../test/support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("cli-fixtures");

/** A random fake token (never a real one): 40 characters of base64url. */
export function fakeToken(): string {
  for (;;) {
    const token = random.bytes(30).toString("base64url");
    // Keep to letters and digits with both cases, so every context accepts it as credential-like.
    if (/^[A-Za-z0-9]+$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token) && isCredentialLike(token, "strict")) return token;
  }
}

/** Lines that the core finds a token in, by context. */
export const leak = {
  env: (token: string) => `HAWZU_ACCESS_TOKEN=${token}`,
  curl: (token: string) => `curl -sS -H 'Authorization: Bearer ${token}' https://api.hawzu.com/api/v1/workspaces`,
  json: (token: string) => `{"level":"info","msg":"config","hawzuToken":"${token}"}`,
};

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder with `files` (path -> content), removed after the test. */
export function tempFolder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "hawzu-cli-"));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
