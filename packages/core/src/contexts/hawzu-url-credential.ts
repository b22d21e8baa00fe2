import { decodeValue } from "../candidate/decode-value.js";
import { defineContext } from "../define-context.js";
import { isHawzuHost } from "../evidence/is-hawzu-host.js";
import type { ContextMatch } from "../types.js";

// A URL to a Hawzu host that carries the token itself: in the query string (`?access_token=`,
// `&token=`, `api_key=`), or as userinfo (`https://ci:TOKEN@api.hawzu.com`). Values may be
// percent-encoded; they are judged decoded.
const URL = /\b(?:https?|wss?):\/\/([^\s"'`<>]{1,4096})/gi;
// Tried (sticky) only before each `://`, where a scheme of 2 to 5 letters may start: searching for
// the expression tried it at every `h` and `w` of the window.
const URL_AT = new RegExp(URL.source, "iy");
const SCHEME_LENGTHS = [5, 4, 3, 2];
const QUERY_PARAMETER = /[?&;]((?:[\w.\-]*?)(?:access_token|api_token|auth_token|private_token|apikey|api_key|token|key|auth|bearer))=([^&#\s"'`<>;\\]{1,1600})/gi;

export default defineContext({
  id: "hawzu-url-credential",
  description: "A token in the query string or userinfo of a URL to a Hawzu host.",
  example: "https://api.hawzu.com/api/v1/me?access_token=h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "high",
  match({ text }) {
    const matches: ContextMatch[] = [];
    for (const url of urls(text)) {
      const rest = url[1]!;
      const restStart = url.index + url[0].length - rest.length;
      const authorityEnd = rest.search(/[/?#]/);
      const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
      const at = authority.lastIndexOf("@");
      const host = authority.slice(at + 1).replace(/:\d+$/, "");
      if (!isHawzuHost(host)) continue;
      if (at > 0) {
        const userinfo = authority.slice(0, at);
        const colon = userinfo.indexOf(":");
        const [offset, written] = colon >= 0 ? [colon + 1, userinfo.slice(colon + 1)] : [0, userinfo];
        const decoded = decodeValue(written);
        if (decoded) {
          matches.push({
            range: [restStart + offset, restStart + offset + written.length],
            token: decoded.token,
            encoding: decoded.encoding,
            description: `credentials in a URL to ${host}`,
          });
        }
      }
      QUERY_PARAMETER.lastIndex = 0;
      for (let parameter = QUERY_PARAMETER.exec(rest); parameter; parameter = QUERY_PARAMETER.exec(rest)) {
        const written = parameter[2]!;
        const decoded = decodeValue(written);
        if (!decoded) continue;
        const start = restStart + parameter.index + parameter[0].length - written.length;
        matches.push({
          range: [start, start + written.length],
          token: decoded.token,
          encoding: decoded.encoding,
          description: `${parameter[1]} query parameter of a URL to ${host}`,
        });
      }
    }
    return matches;
  },
});

/** URL's matches in `text`, as its global search finds them, tried only where a scheme may start. */
function* urls(text: string): Generator<RegExpExecArray> {
  let searchFrom = 0;
  for (let separator = text.indexOf("://"); separator !== -1; separator = text.indexOf("://", separator + 1)) {
    for (const length of SCHEME_LENGTHS) {
      const start = separator - length;
      if (start < searchFrom) continue;
      URL_AT.lastIndex = start;
      const url = URL_AT.exec(text);
      if (!url) continue;
      searchFrom = URL_AT.lastIndex;
      yield url;
      break;
    }
  }
}
