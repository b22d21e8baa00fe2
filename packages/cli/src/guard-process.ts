import { describeFailure } from "./describe-failure.js";
import { messages } from "./messages.js";

/**
 * The last line of defence, for the bin only: an error nothing else caught (an 'error' event with no
 * listener, a rejected promise no one awaited) prints one line and exits 2, so a crash never looks
 * like findings (1) or like clean (0). A reader that closed standard output (`| head -1`) ends the
 * run at once and quietly.
 */
export function guardProcess(target: NodeJS.Process = process): void {
  const crash = (error: unknown) => {
    try {
      const failure = describeFailure(error, target.env);
      target.stderr.write(`${messages.usagePrefix}${messages.unexpectedFailure("hawzu-scan", failure.label)}\n${failure.frames ? `${failure.frames}\n` : ""}`);
    } finally {
      target.exit(2);
    }
  };
  target.on("uncaughtException", crash);
  target.on("unhandledRejection", crash);
  target.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // The report cannot be delivered: "not fully reported" (2), never findings or clean.
    if (error.code === "EPIPE") target.exit(2);
  });
}
