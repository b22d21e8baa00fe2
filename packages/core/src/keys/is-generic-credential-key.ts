import { compactKey } from "./compact-key.js";
import { namesOtherVendor } from "./names-other-vendor.js";

// Names that hold some credential without saying whose: token, api_key, ACCESS_TOKEN, apiToken,
// bearer, secret. Only evidence when something else says Hawzu (a section, a file, a nearby word).
const GENERIC_CREDENTIAL_KEY =
  /^(?:x|my|the|access|api|auth|bearer|personal|private|service|workspace|project|ci|user|app|default|client|http|request)*(?:token|tokens|accesstoken|apikey|key|secret|pat|bearer|credential|credentials|auth|authorization)(?:value|prod|production|staging|dev|test|ci|v\d+|\d+)*$/;

/** True for a generic credential key such as `token`, `API_TOKEN` or `accessToken`. */
export function isGenericCredentialKey(key: string): boolean {
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
  if (compact.length > 60) return false;
  if (namesOtherVendor(key)) return false;
  return GENERIC_CREDENTIAL_KEY.test(compact);
}
