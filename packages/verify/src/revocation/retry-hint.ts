import type { UnknownReason } from "../verification-result.js";

/** What to do about a token whose state is unknown, by the reason it is unknown. */
export function retryHint(reason: UnknownReason): string {
  switch (reason) {
    case "rate-limited":
      return "The API rate-limited the check: run hawzu-scan --verify again later, or with fewer tokens at once.";
    case "server-error":
      return "The API failed to answer: run hawzu-scan --verify again later.";
    case "timeout":
    case "network-error":
    case "unreachable":
      return "The API could not be reached in time: check the network, proxy and --hawzu-url, then run hawzu-scan --verify again.";
    case "redirect":
      return "The URL redirected elsewhere and the token was not sent there: point --hawzu-url (or HAWZU_API_URL) at the API itself, e.g. https://api.hawzu.com, and retry.";
    case "not-json":
    case "body-too-large":
    case "not-an-identity":
      return "Something other than the Hawzu API answered (a proxy, firewall or login page?): check --hawzu-url and the network path, then retry.";
    case "invalid-token-text":
      return "The value cannot be sent as a bearer token; check it by hand in the web app (Security & Access > Access Tokens).";
    case "unexpected-status":
      return "The API gave an answer the verifier does not understand: check --hawzu-url, then retry.";
  }
}
