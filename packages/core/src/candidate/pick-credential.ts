import { isCredentialLike } from "./is-credential-like.js";

/** The credential half of `user:password`: the password, or the user when it is the token (`token:`). */
export function pickCredential(user: string, password: string): string | undefined {
  if (isCredentialLike(password)) return password;
  if (password === "" && isCredentialLike(user)) return user;
  return undefined;
}
