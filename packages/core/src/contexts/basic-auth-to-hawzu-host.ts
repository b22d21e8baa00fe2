import { decodeBase64Text } from "../candidate/decode-value.js";
import { pickCredential } from "../candidate/pick-credential.js";
import { defineContext } from "../define-context.js";
import { hostNear } from "../evidence/host-near.js";
import { isHawzuHost } from "../evidence/is-hawzu-host.js";
import type { ContextMatch } from "../types.js";

// Some clients send a token as HTTP basic credentials: `Authorization: Basic base64(user:token)`
// or `curl -u user:token` / `-u token:`, or a .netrc entry for a Hawzu host. The token is the credential-like half, judged decoded.
const BASIC_HEADER = /\bBasic[ \t]+([A-Za-z0-9+/]{12,}={0,2})/g;
// ~/.netrc, which curl -n, git and many CLIs read: `machine api.hawzu.com login ci password <token>`.
const NETRC = /\bmachine[ \t]+([A-Za-z0-9.-]{1,253})(?:\s+login[ \t]+\S{1,200})?\s+password[ \t]+([A-Za-z0-9\-_.~+/=]{1,600})/g;
// The flag comes after a blank or a quote (checked by hand: a leading class is slow to search for).
const CURL_USER = /(?:-u|--user)[ \t]+["']?([^\s:"']{0,200}):([A-Za-z0-9\-_.~+/=]{0,600})["']?/y;

export default defineContext({
  id: "basic-auth-to-hawzu-host",
  description: "A token sent as HTTP basic credentials (Basic header or curl -u) to a Hawzu host.",
  example: "curl -u ci:h7Gk2pQx9LmZ4vNc8RtY3wBs https://api.hawzu.com/api/v1/me", // hawzu-scan-ignore: made-up example
  // "-u" first: the window check stops at the first keyword found, and a two-character one is
  // found soonest ("--user" holds it, so it is no separate keyword).
  keywords: ["-u", "basic", "machine"],
  confidence: "high",
  match({ text, evidence }) {
    const matches: ContextMatch[] = [];
    const sentToHawzu = (position: number) => hostNear(evidence, position)?.isHawzu === true;

    // Each search runs only when its literal is in the text: trying them at every `B`, `m` or `-`
    // of a log that holds none cost more than the whole per-line host lookup. (A .netrc entry says
    // "password": its rare `w` is found far faster than the many `m` of "machine".)
    BASIC_HEADER.lastIndex = text.includes("Basic") ? 0 : text.length;
    for (let header = BASIC_HEADER.exec(text); header; header = BASIC_HEADER.exec(text)) {
      if (!sentToHawzu(header.index)) continue;
      const written = header[1]!;
      const pair = decodeBase64Text(written);
      const colon = pair?.indexOf(":") ?? -1;
      if (!pair || colon < 0) continue;
      const token = pickCredential(pair.slice(0, colon), pair.slice(colon + 1));
      if (!token) continue;
      const start = header.index + header[0].length - written.length;
      matches.push({
        range: [start, start + written.length],
        token,
        encoding: "base64",
        description: "basic-auth credentials sent to a Hawzu host",
      });
    }

    NETRC.lastIndex = text.includes("word") && text.includes("machine") ? 0 : text.length;
    for (let entry = NETRC.exec(text); entry; entry = NETRC.exec(text)) {
      if (!isHawzuHost(entry[1]!)) continue;
      const password = entry[2]!;
      const start = entry.index + entry[0].length - password.length;
      matches.push({ range: [start, start + password.length], description: `.netrc password for ${entry[1]}` });
    }

    // Tried (sticky) where the flag starts: at each `-u`, and one before it for `--user`.
    let searchFrom = 0;
    for (let dash = text.indexOf("-u"); dash !== -1; dash = text.indexOf("-u", dash + 1)) {
      // `-u` then a blank, or `--user` (then the expression reads the rest): most `-u` of a log
      // are inside names (`hawzu-uploader`).
      const longForm = dash > 0 && text.startsWith("--user", dash - 1);
      if (!longForm && text[dash + 2] !== " " && text[dash + 2] !== "\t") continue;
      const first = longForm ? dash - 1 : dash;
      let flag: RegExpExecArray | null = null;
      for (let at = first; at <= dash && !flag; at++) {
        if (at < searchFrom) continue;
        CURL_USER.lastIndex = at;
        flag = CURL_USER.exec(text);
      }
      if (!flag) continue;
      if (flag.index > 0 && !/[\s"']/.test(text[flag.index - 1]!)) {
        searchFrom = flag.index + 1;
        continue;
      }
      searchFrom = CURL_USER.lastIndex;
      if (!sentToHawzu(flag.index)) continue;
      const user = flag[1]!;
      const password = flag[2]!;
      const token = pickCredential(user, password);
      if (!token) continue;
      const passwordStart = flag.index + flag[0].indexOf(":" + password) + 1;
      const start = token === password ? passwordStart : passwordStart - 1 - user.length;
      matches.push({
        range: [start, start + token.length],
        description: "credentials passed to curl -u for a Hawzu host",
      });
    }
    return matches;
  },
});
