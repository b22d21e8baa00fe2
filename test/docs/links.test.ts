// Docs stand alone: every relative link in every tracked Markdown file leads to a tracked file or
// folder of this repository (and to a heading that exists, when it names one). A clone from the
// forge has nothing outside the repository, so a link that leaves it is a dead link for its readers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// Listed at run time, so Markdown files added later are checked too.
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
const trackedFiles = new Set(tracked);
const trackedFolders = new Set(tracked.flatMap((file) => file.split("/").slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join("/"))));
const markdownFiles = tracked.filter((file) => file.endsWith(".md"));

/** Markdown text without fenced code blocks and inline code, whose brackets are not links. */
function withoutCode(text: string): string {
  return text.replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Targets of inline links and images `[text](target "title")` and of reference definitions `[id]: target`. */
function linkTargets(text: string): string[] {
  const prose = withoutCode(text);
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
  const references = [...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((match) => match[1]!);
  return [...inline, ...references];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of withoutCode(text.replace(/`([^`\n]*)`/g, "$1")).matchAll(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const plain = match[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]+>/g, "");
    const slug = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Why `target`, linked from tracked file `from`, does not resolve, or undefined when it does. */
function brokenReason(from: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // a URL, not a path in the repository
  const [rawPath = "", anchor] = target.split("#", 2) as [string, string | undefined];
  const path = decodeURIComponent(rawPath.split("?")[0]!);
  const absolute = path === "" ? join(ROOT, from) : path.startsWith("/") ? join(ROOT, path) : resolve(ROOT, dirname(from), path);
  const inRepo = relative(ROOT, absolute).split(sep).join(posix.sep);
  if (inRepo.startsWith("..") || resolve(absolute) === resolve(ROOT, "..")) return "leaves the repository";
  const isFile = trackedFiles.has(inRepo);
  if (!isFile && !trackedFolders.has(inRepo) && inRepo !== "") return "no tracked file or folder there";
  if (anchor !== undefined && anchor !== "" && isFile && inRepo.endsWith(".md")) {
    if (!headingAnchors(readFileSync(absolute, "utf8")).has(decodeURIComponent(anchor).toLowerCase())) return `no heading #${anchor}`;
  }
  return undefined;
}

describe("links in the docs", () => {
  it("finds the tracked Markdown files", () => {
    expect(markdownFiles).toContain("README.md");
    expect(markdownFiles).toContain("CONTRIBUTING.md");
  });

  it("every relative link in every tracked .md resolves inside the repository", () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      for (const target of linkTargets(readFileSync(join(ROOT, file), "utf8"))) {
        const reason = brokenReason(file, target);
        if (reason) broken.push(`${file}: (${target}) ${reason}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    // The checker itself, on links that must fail and links that must pass.
    expect(brokenReason("README.md", "../shared/HAWZU.md")).toBe("leaves the repository");
    expect(brokenReason("README.md", "docs/no-such-page.md")).toBe("no tracked file or folder there");
    expect(brokenReason("README.md", "packages/core/README.md#no-such-heading")).toBe("no heading #no-such-heading");
    expect(brokenReason("README.md", "packages/core/README.md#how-detection-works")).toBeUndefined();
    expect(brokenReason("packages/core/README.md", "../../docs/hawzu-tokens.md")).toBeUndefined();
    expect(brokenReason("README.md", "packages/core")).toBeUndefined();
    expect(linkTargets("see `[x](nope.md)` and\n```\n[y](nope.md)\n```\n[z](yes.md) [r]: ref.md\n[r]: ref.md")).toEqual(["yes.md", "ref.md"]);
    expect([...headingAnchors("# A `b` c!\n## A b c\n### Ünïcode & more_x")]).toEqual(["a-b-c", "a-b-c-1", "ünïcode--more_x"]);
  });
});
