import http from "node:http";

/**
 * What the fake store does when an object is read, instead of serving it whole:
 * - `{ kind: "forbidden" }`: 403 AccessDenied, as S3 answers a principal without s3:GetObject;
 * - `{ kind: "missing" }`: listed, but gone when read: 404 NoSuchKey;
 * - `{ kind: "throttle", times }`: 503 SlowDown for the first `times` reads, then the object;
 * - `{ kind: "cut", afterBytes }`: headers and the first `afterBytes` bytes, then the connection is destroyed.
 * @typedef {{ kind: "forbidden" } | { kind: "missing" } | { kind: "throttle"; times: number } | { kind: "cut"; afterBytes: number }} ObjectFault
 */

/**
 * @typedef {object} FakeS3Options
 * @property {Record<string, Record<string, Buffer | string>>} buckets bucket -> key -> content
 * @property {number} [pageSize] most keys in one ListObjectsV2 page (S3's own cap is 1,000); small, to test pagination
 * @property {Record<string, ObjectFault>} [faults] key -> fault, for any bucket
 * @property {string} [accessKeyId] only requests signed with this access key id are answered (403 InvalidAccessKeyId otherwise)
 */

/**
 * @typedef {object} RecordedS3Request
 * @property {string} method
 * @property {string} url path and query, as received
 * @property {string | undefined} accessKeyId the access key id of the SigV4 credential scope, if the request was signed
 */

/**
 * @typedef {object} FakeS3
 * @property {string} url `http://127.0.0.1:<port>`: for AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3
 * @property {RecordedS3Request[]} requests
 * @property {() => Promise<void>} close
 */

/**
 * A stand-in for an S3-compatible store on 127.0.0.1, speaking the parts of the S3 REST protocol a
 * scanner uses: ListObjectsV2 (paginated with continuation tokens) and GetObject, path-style
 * (`/bucket/key`) or virtual-hosted (`bucket.host/key`), with injectable per-object faults. It does
 * not check signatures beyond reading the access key id, which tells a test which credentials the
 * client's default chain picked. Also used by the S3 bench (packages/cli/bench/s3.js).
 * @param {FakeS3Options} options
 * @returns {Promise<FakeS3>}
 */
export async function startFakeS3(options) {
  const pageSize = options.pageSize ?? 1000;
  /** @type {RecordedS3Request[]} */
  const requests = [];
  /** @type {Map<string, number>} */
  const reads = new Map();

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? "")?.[1];
    requests.push({ method: request.method ?? "", url: request.url ?? "", accessKeyId });
    if (options.accessKeyId && accessKeyId !== options.accessKeyId) return sendError(response, 403, "InvalidAccessKeyId", "The AWS access key Id you provided does not exist in our records.");

    // Virtual-hosted style puts the bucket in the Host header; path style in the first segment.
    const host = (request.headers.host ?? "").split(":")[0] ?? "";
    const hostBucket = Object.keys(options.buckets).find((bucket) => host.startsWith(`${bucket}.`));
    const segments = url.pathname.slice(1).split("/");
    const bucketName = hostBucket ?? decodeURIComponent(segments.shift() ?? "");
    const key = (hostBucket ? url.pathname.slice(1) : segments.join("/")).split("/").map(decodeURIComponent).join("/");
    const bucket = options.buckets[bucketName];
    if (!bucket) return sendError(response, 404, "NoSuchBucket", "The specified bucket does not exist");

    if (request.method === "GET" && key === "" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const after = url.searchParams.get("continuation-token") ?? url.searchParams.get("start-after") ?? "";
      const maxKeys = Math.min(pageSize, Number(url.searchParams.get("max-keys") ?? 1000));
      const keys = Object.keys(bucket)
        .filter((name) => name.startsWith(prefix) && name > after)
        .sort();
      const page = keys.slice(0, maxKeys);
      const truncated = keys.length > page.length;
      const contents = page
        .map((name) => `<Contents><Key>${escapeXml(name)}</Key><Size>${Buffer.byteLength(bucket[name])}</Size><StorageClass>STANDARD</StorageClass></Contents>`)
        .join("");
      const next = truncated ? `<NextContinuationToken>${escapeXml(page[page.length - 1])}</NextContinuationToken>` : "";
      response.writeHead(200, { "content-type": "application/xml" });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucketName)}</Name>` +
          `<Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
      );
      return;
    }
    if (request.method !== "GET" || key === "") return sendError(response, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");

    const fault = options.faults?.[key];
    const readCount = (reads.get(key) ?? 0) + 1;
    reads.set(key, readCount);
    const content = bucket[key];
    if (fault?.kind === "forbidden") return sendError(response, 403, "AccessDenied", "Access Denied");
    if (fault?.kind === "missing" || content === undefined) return sendError(response, 404, "NoSuchKey", "The specified key does not exist.");
    if (fault?.kind === "throttle" && readCount <= fault.times) return sendError(response, 503, "SlowDown", "Please reduce your request rate.");
    const body = Buffer.from(content);
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    if (fault?.kind === "cut") {
      response.write(body.subarray(0, fault.afterBytes), () => response.socket?.destroy());
      return;
    }
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * @param {http.ServerResponse} response
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function sendError(response, status, code, message) {
  response.writeHead(status, { "content-type": "application/xml" });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`);
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
