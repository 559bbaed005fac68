package io.gyre.wasm.internal.call;

import io.gyre.wasm.CallParameters;
import io.gyre.wasm.LogLine;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

/**
 * The state of one call that host functions reach: its parameters, its log, its standard streams,
 * the error a module reported and the deterministic random stream WASI reads.
 */
public final class CallContext {

  private final CallParameters parameters;
  private final String function;
  private final CallLog log;
  private final byte[] stdinBytes;
  private final int outputBytes;
  private ByteArrayInputStream stdin;
  private BoundedOutput stdout;
  private DeterministicRandom random;
  private Optional<String> failure = Optional.empty();
  private CallLog.LineStream stderrLines;
  private CallLog.LineStream stdoutLines;

  public CallContext(CallParameters parameters, String function, byte[] stdin, int outputBytes) {
    this.parameters = parameters;
    this.function = function;
    this.log = new CallLog(outputBytes);
    this.stdinBytes = stdin;
    this.outputBytes = outputBytes;
  }

  public CallParameters parameters() {
    return parameters;
  }

  /** The function being called (a WASI command sees it as argv[0]). */
  public String function() {
    return function;
  }

  public CallLog log() {
    return log;
  }

  // The streams are made on first use: most calls are Gyre ABI calls that never touch them.

  public ByteArrayInputStream stdin() {
    if (stdin == null) {
      stdin = new ByteArrayInputStream(stdinBytes);
    }
    return stdin;
  }

  public BoundedOutput stdout() {
    if (stdout == null) {
      stdout = new BoundedOutput(outputBytes, "stdout");
    }
    return stdout;
  }

  /** The call's random stream, made on first use (most calls never draw). */
  /** stderr, as log lines. */
  public java.io.OutputStream stderrLines() {
    if (stderrLines == null) {
      stderrLines = log.stream("stderr");
    }
    return stderrLines;
  }

  /** stdout as log lines, for modules whose result does not travel on stdout. */
  public java.io.OutputStream stdoutLines() {
    if (stdoutLines == null) {
      stdoutLines = log.stream("stdout");
    }
    return stdoutLines;
  }

  /** Logs what is left of unfinished lines. */
  public void flushStreams() {
    if (stderrLines != null) {
      stderrLines.flush();
    }
    if (stdoutLines != null) {
      stdoutLines.flush();
    }
  }

  public DeterministicRandom random() {
    if (random == null) {
      random = DeterministicRandom.forCall(parameters.particleId(), parameters.callPosition());
    }
    return random;
  }

  /** The time every WASI clock reads during this call, in nanoseconds since the epoch. */
  public long clockNanos() {
    return parameters.timestampMs() * 1_000_000L;
  }

  public void fail(String message) {
    if (failure.isEmpty()) {
      failure = Optional.of(message);
    }
  }

  public Optional<String> failure() {
    return failure;
  }

  public List<LogLine> logLines() {
    return log.lines();
  }
}
