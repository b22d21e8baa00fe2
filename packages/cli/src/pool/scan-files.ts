import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describeFailure, type FailureDescription } from "../describe-failure.js";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { ScanSettings, ScanSink } from "../scan/scan-context.js";
import type { ScannedFinding } from "../report.js";
import type { FileEntry } from "../walk/collect-files.js";
import { getHeapStatistics } from "node:v8";
import { collectGarbage } from "../scan/collect-garbage.js";
import { keywordNeedles } from "../scan/keyword-needles.js";
import { runChunkTask, splitFile, type ChunkResult, type ChunkTask } from "./chunk-task.js";
import { estimateScanSeconds } from "./estimate-scan-seconds.js";
import { holdMainYoungGeneration } from "./hold-main-young-generation.js";
import { replay, runBatchTask, runFileTask, type FileTaskResult, type ScanEvent } from "./file-task.js";

// Starting a worker costs tens of milliseconds: below this much input one thread is faster.
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
// Small files travel to a worker in batches: one message per file would leave the workers waiting
// on the main thread (a checkout is thousands of files of a few KB).
const BATCH_FILES = 256;
const BATCH_BYTES = 2 * 1024 * 1024;
// Below this much work for one thread (estimated), starting workers costs more than they save:
// two cost ~0.25 s of CPU to start and can save at most half the scan. A 256 MB log with a keyword
// every 160 KB (estimated 0.52 s) took 0.46 s on one thread and 0.59 s with 2 workers.
const ONE_THREAD_SECONDS = 0.75;
// A plain file of at least twice this is split into chunks of about this size across the workers.
const CHUNK_BYTES = 32 * 1024 * 1024;
const WORKER_URL = new URL("./scan-worker.js", import.meta.url);
// Heap limits of a worker (README, "Many findings"). Under V8's defaults (a 48 MB young generation,
// a 2 GB heap) a worker held ~60 MB of mostly garbage. 64 MB of old generation makes V8 collect
// early (a worker's live data is a few MB; one that still passes it is retried on the main thread).
// A young generation of 6 MB promoted the core's short-lived arrays and cost 5x the collection time
// of one thread (+38% CPU for 2 workers on the dense log); 16 MB costs +18 MB of peak memory there.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 64 };
// While workers scan, the main thread's young generation is held small (holdMainYoungGeneration),
// so each message's garbage (the findings' repeated strings, the events) is promoted with the
// findings it keeps, and V8 let old space fill well past what is live before collecting it (2 GB
// log, 100,000 findings: 37 MB used at the peak, ~28 MB live). After this much growth since the
// last full collection, the main thread runs one: a few, of tens of ms each, per 100,000 findings.
const MAIN_GARBAGE_STEP = 4 * 1024 * 1024;

export interface ScanFilesOptions {
  /** Split plain files of at least twice this many bytes into chunks, even on one thread (tests). */
  chunkBytes?: number;
}

type Task = { kind: "batch"; entries: FileEntry[] } | { kind: "chunk"; chunk: ChunkTask; file: ChunkedFile; index: number };

/** A big file being scanned in chunks: its results are replayed in order, lines shifted. */
interface ChunkedFile {
  entry: FileEntry;
  results: (ChunkResult | Error | undefined)[];
  next: number;
  lineOffset: number;
  warned: Set<string>;
  failed: boolean;
}

/**
 * Scans the files, in parallel on `jobs` worker threads when there is enough input, reporting each
 * file's events to the sink when the file is done. A big plain file is split into chunks that the
 * workers share; its findings come out in order with the lines they have in the whole file.
 * Resolves to the bytes handed to the core.
 */
export async function scanFiles(
  files: readonly FileEntry[],
  settings: ScanSettings,
  sink: ScanSink,
  jobs: number,
  onFileDone?: (entry: FileEntry) => void,
  options: ScanFilesOptions = {},
): Promise<number> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  // The worker is the compiled .js next to this module; when running from sources (tests), it is not there.
  const parallel = jobs > 1 && total >= PARALLEL_FROM_BYTES && existsSync(fileURLToPath(WORKER_URL)) && !isLightWork(files, settings);
  const chunkBytes = options.chunkBytes ?? (parallel ? CHUNK_BYTES : undefined);
  let bytes = 0;
  // Heap used after the main thread's last full collection (parallel scans only, see MAIN_GARBAGE_STEP).
  let usedAfterCollection = parallel ? getHeapStatistics().used_heap_size : Infinity;
  const releaseMainGarbage = () => {
    if (getHeapStatistics().used_heap_size < usedAfterCollection + MAIN_GARBAGE_STEP) return;
    usedAfterCollection = collectGarbage() ? getHeapStatistics().used_heap_size : Infinity;
  };
  // Findings come from workers as fresh copies: their repeated strings are shared once kept.
  const received = sharingStrings(sink);

  const finishChunk = (task: Extract<Task, { kind: "chunk" }>, result: ChunkResult | Error) => {
    const file = task.file;
    file.results[task.index] = result;
    for (let ready = file.results[file.next]; ready !== undefined; ready = file.results[file.next]) {
      file.results[file.next++] = undefined;
      if (ready instanceof Error) {
        if (!file.failed) reportFailure(file.entry, failureOf(ready), sink);
        file.failed = true;
        if (file.next === file.results.length) onFileDone?.(file.entry);
        continue;
      }
      bytes += ready.scannedBytes;
      replay(shiftEvents(ready.events, file), received);
      releaseMainGarbage();
      file.lineOffset += ready.lineBreaks;
      if (file.next === file.results.length) onFileDone?.(file.entry);
    }
  };
  const finishBatch = (entries: readonly FileEntry[], results: FileTaskResult[] | Error) => {
    entries.forEach((entry, index) => {
      const result = results instanceof Error ? undefined : results[index];
      if (result) {
        replay(result.events, received);
        releaseMainGarbage();
        bytes += result.scannedBytes;
      } else {
        reportFailure(entry, results instanceof Error ? failureOf(results) : { label: "no result" }, sink);
      }
      onFileDone?.(entry);
    });
  };

  if (!parallel) {
    // One thread, in the given order (text output is printed as it is found).
    for (const entry of files) {
      const chunks = chunkBytes === undefined ? undefined : splitFile(entry, chunkBytes);
      if (!chunks) {
        const result = await runFileTask(entry, settings, sink).catch((error: unknown) => error as Error);
        if (result instanceof Error) reportFailure(entry, failureOf(result), sink);
        else bytes += result.scannedBytes;
        onFileDone?.(entry);
        continue;
      }
      const file = chunkedFile(entry, chunks.length);
      for (const [index, chunk] of chunks.entries()) finishChunk({ kind: "chunk", chunk, file, index }, await runChunkTask(chunk, settings).catch((error: unknown) => error as Error));
    }
    return bytes;
  }
  const tasks = plan(files, chunkBytes);
  const workers = Math.min(jobs, tasks.length);
  // The main thread's young generation stays small while the workers scan (it only keeps findings).
  const youngGeneration = holdMainYoungGeneration(WORKER_LIMITS.maxYoungGenerationSizeMb / 2);
  // A worker takes tasks until none is left; one that failed may be in any state, so it is ended
  // (once) and the rest goes to a fresh one.
  const runWorker = async (): Promise<void> => {
    for (let fresh = true; fresh; ) {
      fresh = false;
      const worker = new Worker(WORKER_URL, { workerData: { settings }, resourceLimits: WORKER_LIMITS });
      worker.once("online", youngGeneration.online);
      try {
        for (let task = tasks.shift(); task; task = tasks.shift()) {
          let result = await ask(worker, task).catch((error: Error) => error);
          const workerFailed = result instanceof Error;
          // Past its heap limit (an archive of a million members, say): the task runs again here,
          // on the main thread, which has no such limit; only then does a failure name the file.
          if (isOutOfMemory(result) && (task.kind === "chunk" || task.entries.length === 1)) {
            result = await (task.kind === "chunk" ? runChunkTask(task.chunk, settings) : runBatchTask(task.entries, settings)).catch((error: Error) => error);
          }
          if (task.kind === "batch" && result instanceof Error && task.entries.length > 1) {
            // Which file failed is not known: each goes again alone, so only that one is named.
            tasks.unshift(...task.entries.map((entry): Task => ({ kind: "batch", entries: [entry] })));
          } else if (task.kind === "chunk") finishChunk(task, result as ChunkResult | Error);
          else finishBatch(task.entries, result as FileTaskResult[] | Error);
          if (workerFailed) {
            fresh = tasks.length > 0;
            break;
          }
        }
      } finally {
        await worker.terminate();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, runWorker));
  } finally {
    youngGeneration.release();
  }
  return bytes;
}

/**
 * True when one thread would scan all of it soon: the files too small to split are few bytes in
 * all, and every big plain file is mostly passed over (few keywords in its samples).
 */
function isLightWork(files: readonly FileEntry[], settings: ScanSettings): boolean {
  let small = 0;
  let seconds = 0;
  for (const entry of files) {
    if (entry.size < 2 * CHUNK_BYTES) {
      small += entry.size;
      continue;
    }
    const estimate = estimateScanSeconds(entry, keywordNeedles(settings.core));
    if (estimate === undefined) return false;
    seconds += estimate;
  }
  return small < PARALLEL_FROM_BYTES && seconds < ONE_THREAD_SECONDS;
}

/**
 * The work, biggest first so one large file does not start last and finish alone: chunks of big
 * plain files, then files a batch each when big, grouped up to BATCH_FILES or BATCH_BYTES when small.
 */
function plan(files: readonly FileEntry[], chunkBytes: number | undefined): Task[] {
  const tasks: Task[] = [];
  const whole: FileEntry[] = [];
  for (const entry of files) {
    const chunks = chunkBytes === undefined ? undefined : splitFile(entry, chunkBytes);
    if (!chunks) {
      whole.push(entry);
      continue;
    }
    const file = chunkedFile(entry, chunks.length);
    chunks.forEach((chunk, index) => tasks.push({ kind: "chunk", chunk, file, index }));
  }
  let current: FileEntry[] = [];
  let currentBytes = 0;
  for (const entry of whole.sort((a, b) => b.size - a.size)) {
    if (current.length > 0 && (current.length >= BATCH_FILES || currentBytes + entry.size > BATCH_BYTES)) {
      tasks.push({ kind: "batch", entries: current });
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += entry.size;
  }
  if (current.length > 0) tasks.push({ kind: "batch", entries: current });
  return tasks;
}

function chunkedFile(entry: FileEntry, chunks: number): ChunkedFile {
  return { entry, results: Array.from({ length: chunks }, () => undefined), next: 0, lineOffset: 0, warned: new Set(), failed: false };
}

/**
 * The sink, with each finding's file, member, rule, confidence and context replaced by one shared
 * copy: a worker's message brings every finding's strings anew, and the main thread keeps every
 * finding until the report is written (100,000 findings of one log held 100,000 copies of each).
 */
function sharingStrings(sink: ScanSink): ScanSink {
  const pool = new Map<string, string>();
  const share = (text: string) => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, text);
    return text;
  };
  const shared = <T extends ScannedFinding>(finding: T): T => {
    finding.file = share(finding.file);
    if (finding.member !== undefined) finding.member = share(finding.member);
    finding.ruleId = share(finding.ruleId);
    finding.confidence = share(finding.confidence) as T["confidence"];
    finding.context = share(finding.context);
    return finding;
  };
  // Every other event goes to the sink as it is (its prototype), including events added later.
  const received = Object.create(sink) as ScanSink;
  received.finding = (finding, token, written) => sink.finding(shared(finding), token, written);
  received.suppressed = (finding, token, written) => sink.suppressed(shared(finding), token, written);
  return received;
}

/**
 * A chunk's events with the lines of the chunks before added; a warning or error is told once per
 * file. The findings are changed in place (they are the chunk's own, fresh from a worker's message
 * or a task on this thread): a copy of each would be garbage the main thread makes per finding, and
 * with many findings it outlives a small young generation (see holdMainYoungGeneration).
 */
function shiftEvents(events: ScanEvent[], file: ChunkedFile): ScanEvent[] {
  const shifted: ScanEvent[] = [];
  for (const event of events) {
    if (event.type === "finding" || event.type === "suppressed") {
      event.finding.line += file.lineOffset;
      event.finding.endLine += file.lineOffset;
      shifted.push(event);
    } else {
      const key = event.type === "error" ? `error:${event.error.message}` : event.type === "warning" ? `warning:${event.message}` : "binary";
      if (file.warned.has(key)) continue;
      file.warned.add(key);
      shifted.push(event);
    }
  }
  return shifted;
}

/** One line naming the file; where it failed follows as a warning, only when debugging. */
function reportFailure(entry: FileEntry, failure: FailureDescription, sink: ScanSink): void {
  sink.error(errorAt({ file: entry.displayPath }, messages.workerFailed(failure.label)));
  if (failure.frames) sink.warning(entry.displayPath, `where it failed:\n${failure.frames}`);
}

/** A worker ended for going past its heap limit (`resourceLimits`), not for a fault in the scan. */
function isOutOfMemory(result: unknown): result is Error {
  return result instanceof Error && (result as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
}

function failureOf(error: Error): FailureDescription {
  return (error as Error & { failure?: FailureDescription }).failure ?? describeFailure(error, process.env);
}

let nextId = 0;

function ask(worker: Worker, task: Task): Promise<FileTaskResult[] | ChunkResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { id: number; results?: FileTaskResult[]; chunk?: ChunkResult; failure?: FailureDescription }) => {
      if (message.id !== id) return;
      cleanup();
      if (message.results) resolve(message.results);
      else if (message.chunk) resolve(message.chunk);
      else reject(Object.assign(new Error("scan failed in a worker"), { failure: message.failure }));
    };
    // A thread that ends without answering (out of memory, process.exit) must not hang the scan.
    const onExit = (code: number) => {
      cleanup();
      reject(Object.assign(new Error(`worker exited with code ${code}`), { name: "WorkerExit" }));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(task.kind === "chunk" ? { id, chunk: task.chunk } : { id, entries: task.entries });
  });
}
