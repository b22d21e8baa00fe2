import type { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { ScanContext } from "../scan/scan-context.js";
import { scanContent } from "../scan/scan-content.js";
import { inShard, type Shard } from "../shard/shard.js";

/** A bucket and a key prefix, from `s3://bucket/prefix/`. */
export interface S3Prefix {
  bucket: string;
  prefix: string;
}

export interface S3ScanOptions {
  prefixes: readonly S3Prefix[];
  /** A fresh context per object: each object is one top-level input with its own byte budget. */
  context: () => ScanContext;
  shard?: Shard;
  /** Objects read at once (network-bound; the scan itself runs on this thread). */
  concurrency: number;
  /** Path-style URLs (`endpoint/bucket/key`), for MinIO, Ceph and the like behind one host name. */
  forcePathStyle: boolean;
  env: NodeJS.ProcessEnv;
  onObject?: (bytes: number) => void;
}

export interface S3ScanResult {
  objects: number;
  bytes: number;
}

// The SDK's own retry policy (exponential backoff with jitter, throttling-aware): bounded attempts.
const MAX_ATTEMPTS = 4;

/** `s3://bucket/prefix`; undefined when `text` is not an s3 URL or names no bucket. */
export function parseS3Url(text: string): S3Prefix | undefined {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(text);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], prefix: match[2] ?? "" };
}


/** How findings and errors name an object: `s3://bucket/key`. */
export const s3DisplayPath = (bucket: string, key: string): string => `s3://${bucket}/${key}`;

/**
 * Objects under S3 prefixes (AWS S3 or any S3-compatible store): lists each prefix page by page and
 * streams every object, with no temporary file, through the same sniffing, decoders and limits as a
 * file on disk. Configuration is the standard AWS one (credential chain, AWS_REGION, AWS_PROFILE,
 * AWS_ENDPOINT_URL[_S3]). An object that cannot be read, or a prefix that lists nothing, is an error
 * value naming it; the scan goes on.
 */
export async function scanS3(options: S3ScanOptions): Promise<S3ScanResult> {
  // Our pinned SDK runs on Node 20; its warning is about later SDK releases, not this run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // Loaded only when an s3:// URL is given: the SDK costs ~150 ms of start-up the hook must not pay.
  const sdk = await import("@aws-sdk/client-s3");
  const client = await createClient(sdk, options);
  const result: S3ScanResult = { objects: 0, bytes: 0 };
  for (const prefix of options.prefixes) {
    const keys: string[] = [];
    let listed = 0;
    const where = s3DisplayPath(prefix.bucket, prefix.prefix);
    try {
      for await (const page of sdk.paginateListObjectsV2({ client }, { Bucket: prefix.bucket, Prefix: prefix.prefix })) {
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined || object.Key.endsWith("/")) continue;
          listed++;
          if (!options.shard || inShard(s3DisplayPath(prefix.bucket, object.Key), options.shard)) keys.push(object.Key);
        }
      }
    } catch (error) {
      options.context().sink.error({ file: where, message: messages.s3ListFailed(describeS3Error(error)) });
      continue;
    }
    if (listed === 0) {
      options.context().sink.error({ file: where, message: messages.s3EmptyPrefix });
      continue;
    }
    let next = 0;
    const readNext = async () => {
      for (let index = next++; index < keys.length; index = next++) {
        const bytes = await scanObject(sdk, client, prefix.bucket, keys[index]!, options);
        result.objects++;
        result.bytes += bytes;
        options.onObject?.(bytes);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, keys.length)) }, readNext));
  }
  client.destroy();
  return result;
}

type Sdk = typeof import("@aws-sdk/client-s3");

async function createClient(sdk: Sdk, options: S3ScanOptions): Promise<S3Client> {
  const config = { maxAttempts: MAX_ATTEMPTS, forcePathStyle: options.forcePathStyle, followRegionRedirects: true };
  const client = new sdk.S3Client(config);
  try {
    await client.config.region();
    return client;
  } catch {
    // No AWS_REGION and no profile region: S3 answers any region's bucket after a redirect from us-east-1.
    client.destroy();
    return new sdk.S3Client({ ...config, region: "us-east-1" });
  }
}

/** Reads and scans one object; resolves to the bytes read, never throws for a bad object. */
async function scanObject(sdk: Sdk, client: S3Client, bucket: string, key: string, options: S3ScanOptions): Promise<number> {
  const context = options.context();
  const location = { file: s3DisplayPath(bucket, key) };
  let received = 0;
  try {
    const response = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = response.Body as Readable | undefined;
    if (!body) throw new Error("empty response body");
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const chunk of keepBytesBeforeFailure(body!)) {
        received += chunk.length;
        yield chunk;
      }
    }
    await scanContent(chunks(), location, key, 0, context);
  } catch (error) {
    context.sink.error(errorAt(location, received > 0 ? messages.s3ReadCut(received) : messages.s3ReadFailed(describeS3Error(error))));
  }
  return received;
}

/** One line for an SDK or network error: S3's error code and status, or the network cause. Never a stack. */
export function describeS3Error(error: unknown): string {
  const value = error as { name?: string; Code?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = value?.$metadata?.httpStatusCode;
  const code = value?.Code ?? value?.name ?? value?.code ?? "Error";
  if (status === 403 || code === "AccessDenied" || code === "InvalidAccessKeyId" || code === "SignatureDoesNotMatch") return messages.s3Forbidden(code);
  if (code === "NoSuchKey" || (status === 404 && code !== "NoSuchBucket")) return messages.s3Missing;
  if (code === "NoSuchBucket") return messages.s3NoBucket;
  if (status === 503 || code === "SlowDown" || code === "ThrottlingException") return messages.s3Throttled(MAX_ATTEMPTS);
  if (code === "CredentialsProviderError") return messages.s3NoCredentials;
  const network = value?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  if (network && /^E[A-Z]+$/.test(network)) return messages.s3Network(network);
  return messages.s3Other(code, status);
}

/**
 * The stream's chunks, then its error. A stream's own async iterator drops the chunks it has buffered
 * when the connection fails; these bytes arrived intact and may hold a token, so they are scanned.
 */
async function* keepBytesBeforeFailure(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  stream.on("data", (chunk: Buffer | Uint8Array) => {
    queue.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (queue.length >= 16) stream.pause();
    notify();
  });
  stream.on("end", () => {
    ended = true;
    notify();
  });
  stream.on("error", (error) => {
    failure = error;
    notify();
  });
  stream.on("close", () => {
    if (!ended && failure === undefined) failure = new Error("connection closed before the end of the object");
    notify();
  });
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        if (queue.length < 4) stream.resume();
        yield chunk;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.destroy();
  }
}
