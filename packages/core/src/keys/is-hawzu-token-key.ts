import { compactKey } from "./compact-key.js";
import { namesOtherVendor } from "./names-other-vendor.js";

// The documented variables are HAWZU_ACCESS_TOKEN and HAWZU_TOKEN (HAWZU.md); people also write
// hawzuApiToken, hawzu.api.key, X-Hawzu-Token, HAWZU_PAT, HAWZU_WORKSPACE_TOKEN_PROD, TOKEN_HAWZU.
// The credential word must end the key (bar a qualifier such as _PROD or _V2), so HAWZU_TOKEN_ID,
// HAWZU_TOKEN_NAME and HAWZU_TOKEN_FILE are not token keys.
const CREDENTIAL_WORD = "(?:token|tokens|apikey|accesskey|secretkey|secret|pat|bearer|auth|credentials?|key|password|passwd)";
// Roles that are not secrets, whatever they are called: a public or publishable key, a CSRF token,
// database keys, a client id (issue 13). `HAWZU_PUBLIC_KEY` and `hawzuCsrfToken` are not tokens.
const NOT_SECRET_ROLE = /(?:public|publishable|csrf|xsrf|primary|foreign|partition|sort|idempotency|cache|cursor|pagination|page|refreshkey)(?:api)?(?:token|tokens|key)$/;
const QUALIFIER =
  "(?:value|prod|production|staging|stage|dev|development|test|qa|ci|cd|local|main|primary|secondary|backup|old|new|current|live|v\\d+|\\d+|b64|base64)*";
const HAWZU_THEN_CREDENTIAL = new RegExp(`hawzu[a-z0-9]*?${CREDENTIAL_WORD}${QUALIFIER}$`);
const CREDENTIAL_THEN_HAWZU = new RegExp(`^[a-z0-9]*?${CREDENTIAL_WORD}(?:for)?hawzu${QUALIFIER}$`);
const TRAILING_QUALIFIERS = new RegExp(`${QUALIFIER}$`);
const LONGEST_KEY = 100;

/** True for a key or variable name that holds a Hawzu token, in any casing and separator style. */
export function isHawzuTokenKey(key: string, extraKeyNames: readonly string[] = []): boolean {
  if (extraKeyNames.some((name) => name.toLowerCase() === key.toLowerCase())) return true;
  // Logs repeat the same few keys on every line: each is judged once (the cache is bounded).
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= LONGEST_CACHE) answers.clear();
    answer = judgeKey(key);
    answers.set(key, answer);
  }
  return answer;
}

const LONGEST_CACHE = 4096;
const answers = new Map<string, boolean>();

function judgeKey(key: string): boolean {
  const compact = compactKey(key);
  if (compact.length > LONGEST_KEY || !compact.includes("hawzu")) return false;
  if (namesOtherVendor(key)) return false;
  if (NOT_SECRET_ROLE.test(compact.replace(TRAILING_QUALIFIERS, ""))) return false;
  return HAWZU_THEN_CREDENTIAL.test(compact) || CREDENTIAL_THEN_HAWZU.test(compact);
}

/** True when the key ends in a base64 qualifier, so its value is to be decoded before judging. */
export function isBase64Key(key: string): boolean {
  return /(?:b64|base64)$/.test(compactKey(key));
}
