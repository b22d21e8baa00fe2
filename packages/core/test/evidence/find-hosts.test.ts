import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { findHosts, findHostsOfLines } from "../../src/evidence/find-hosts.js";
import { TextEvidence } from "../../src/evidence/TextEvidence.js";

// Hosts are read line by line on demand (TextEvidence.nearestHost); that must give exactly what
// one pass over the whole text gives. Seeded random texts made of the pieces host mentions are
// made of, with line breaks anywhere (also inside a `Host:` header's gap), so a failure replays.
const pieces = [
  "\n", "\n", " ", "\t", "\r\n", ":", "=", '"', "'", "host", "Host: ", "HOST\n:\n", "host\n\n= ", "https://", "http://",
  "wss://", "api.hawzu.com", "api.github.com", ".com", ".io", ".co", "hawzu.internal", "x.dev", "localhost", "@", "/",
  "user:pw@", "referer: ", "?cb=", "&", "abc", "a-b", "..", "Authorization: Bearer ", "http-outgoing-3 >> ",
];

function randomText(random: ReturnType<typeof seededRandom>): string {
  const parts: string[] = [];
  const count = 1 + random.int(60);
  for (let index = 0; index < count; index++) parts.push(pieces[random.int(pieces.length)]!);
  return parts.join("");
}

describe("findHostsOfLines", () => {
  it("finds, line by line, exactly the mentions one pass over the whole text finds", () => {
    const random = seededRandom("find-hosts-of-lines");
    let compared = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(random);
      const all = findHosts(text);
      const starts = [0];
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
      for (let line = 0; line < starts.length; line++) {
        const from = starts[line]!;
        const to = starts[line + 1] ?? text.length;
        const lines = findHostsOfLines(text, from, to);
        if (!lines) continue;
        compared++;
        expect(lines).toEqual(all.filter((mention) => mention.start >= from && mention.start < to));
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it("gives the same nearest host whether the whole text or only the lines asked about were read", () => {
    const random = seededRandom("nearest-host");
    for (let round = 0; round < 3000; round++) {
      const text = randomText(random);
      const whole = new TextEvidence(text);
      void whole.hosts;
      const lazy = new TextEvidence(text);
      for (let question = 0; question < 5; question++) {
        const from = random.int(text.length + 1);
        const to = from + random.int(text.length - from + 1);
        const position = from + random.int(to - from + 1);
        const accept = random.int(2) === 0 ? undefined : (mention: { host: string }) => !mention.host.includes("github");
        expect(lazy.nearestHost(from, to, position, accept)).toEqual(whole.nearestHost(from, to, position, accept));
      }
    }
  });
});
