import { readFoundToken, type FindOptions, type ScanResult } from "@hawzu-scan/core";
import { ByteScanner } from "../scan/byte-scanner.js";
import { detachString } from "../scan/detach-string.js";
import type { RecentText } from "../scan/recent-text.js";

/** A token seen by a watcher: its value and written form (either may be unreadable), and its mask. */
export interface SeenToken {
  token?: string;
  written?: string;
  redacted: string;
  fingerprint: string;
}

/**
 * A byte scanner that reports every token it finds (suppressed ones too: redact masks a value an
 * inline comment excuses, since masking costs nothing) with the value read back from the text.
 * Strings are copied out, so a remembered token does not keep the block it came from alive.
 */
export function watchTokens(options: FindOptions, onToken: (seen: SeenToken) => void): ByteScanner {
  return new ByteScanner(options, {
    result: (result: ScanResult, recent: RecentText) => {
      for (const finding of [...result.findings, ...result.suppressed]) {
        const around = recent.around(finding.start, finding.end);
        let token: string | undefined;
        let written: string | undefined;
        if (around) {
          const span = { ...finding, start: finding.start - around.offset, end: finding.end - around.offset };
          token = readFoundToken(around.text, span);
          if (span.start >= 0 && span.end <= around.text.length) written = around.text.slice(span.start, span.end);
        }
        onToken({
          ...(token === undefined ? {} : { token: detachString(token) }),
          ...(written === undefined ? {} : { written: detachString(written) }),
          redacted: detachString(finding.redacted),
          fingerprint: detachString(finding.fingerprint),
        });
      }
    },
  });
}
