import http from "node:http";
import type { AddressInfo } from "node:net";
import { HttpsProxyAgent } from "https-proxy-agent";
import { afterEach, describe, expect, it } from "vitest";
import { sendRequest } from "../../src/http/send-request.js";

let proxy: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = undefined;
});

describe("sendRequest through a proxy", () => {
  it("takes a refused tunnel for a network failure, never for the API's answer", async () => {
    // A proxy that refuses every CONNECT with a JSON 403, as a corporate filter may.
    proxy = http.createServer();
    proxy.on("connect", (_request, socket) => {
      const body = '{"error":"forbidden"}';
      socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
    });
    await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as AddressInfo;

    const outcome = await sendRequest({
      url: new URL("https://api.hawzu.example/api/v1/me"),
      headers: { authorization: "Bearer not-a-real-token" },
      timeoutMs: 5_000,
      maxBodyBytes: 65_536,
      agent: new HttpsProxyAgent(`http://127.0.0.1:${port}`, { keepAlive: false }),
    });

    expect(outcome).toEqual({ kind: "network-error", code: "PROXY_403" });
  });
});
