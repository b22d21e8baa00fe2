export interface HawzuClientOptions {
  /** Access token; defaults to process.env.HAWZU_ACCESS_TOKEN. */
  token?: string;
  baseUrl?: string;
}

export class HawzuClient {
  readonly #token: string;
  constructor(options: HawzuClientOptions = {}) {
    const hawzuToken = options.token ?? process.env.HAWZU_ACCESS_TOKEN ?? process.env.HAWZU_TOKEN;
    if (!hawzuToken) throw new Error("Set HAWZU_ACCESS_TOKEN (see https://app.hawzu.com/docs/tokens)");
    this.#token = hawzuToken;
  }
  headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.#token}`, "User-Agent": "hawzu-sdk/2.4.1" };
  }
}
