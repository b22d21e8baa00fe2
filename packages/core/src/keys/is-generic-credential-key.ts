import { compactKey } from "./compact-key.js";
import { namesOtherVendor } from "./names-other-vendor.js";
import { rememberAnswers } from "./remember-answers.js";

// Names that hold some credential without saying whose: token, api_key, ACCESS_TOKEN, apiToken,
// bearer, secret, HTTPie's raw_auth. Only evidence when something else says Hawzu (a section, a file, a nearby word).
const GENERIC_CREDENTIAL_KEY =
  /^(?:x|my|the|access|api|auth|bearer|personal|private|service|workspace|project|ci|user|app|default|client|http|request|raw)*(?:token|tokens|accesstoken|apikey|key|secret|pat|bearer|credential|credentials|auth|authorization)(?:value|prod|production|staging|dev|test|ci|v\d+|\d+)*$/;

/** True for a generic credential key such as `token`, `API_TOKEN` or `accessToken`. */
export const isGenericCredentialKey: (key: string) => boolean = rememberAnswers((key) => {
  const compact = compactKey(key);
  if (compact.length > 60) return false;
  if (namesOtherVendor(key)) return false;
  return GENERIC_CREDENTIAL_KEY.test(compact);
});
