package io.gyre.wasm.internal.call;

import io.gyre.wasm.LogLine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A call's log, capped at a number of bytes: past the cap, lines are dropped and one line says so.
 * Logging never fails a call.
 */
public final class CallLog {

  private List<LogLine> lines = List.of();
  private final int limitBytes;
  private int bytes;
  private boolean truncated;

  public CallLog(int limitBytes) {
    this.limitBytes = limitBytes;
  }

  public void add(String level, String text) {
    if (truncated) {
      return;
    }
    if (bytes + text.length() > limitBytes) {
      truncated = true;
      append(new LogLine("warn", "log truncated at its limit of " + limitBytes + " bytes"));
      return;
    }
    bytes += text.length();
    append(new LogLine(level, text));
  }

  private void append(LogLine line) {
    if (lines.isEmpty()) {
      lines = new ArrayList<>();
    }
    lines.add(line);
  }

  public List<LogLine> lines() {
    return List.copyOf(lines);
  }

  /** A stream whose text becomes log lines of this level, one per line written. */
  public LineStream stream(String level) {
    return new LineStream(level);
  }

  /** Text written to it becomes log lines of one level. */
  public final class LineStream extends OutputStream {
    private final String level;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineStream(String level) {
      this.level = level;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        flush();
      } else {
        pending.write(b);
      }
    }

    @Override
    public void write(byte[] data, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(data[i]);
      }
    }

    @Override
    public void flush() {
      if (pending.size() > 0) {
        add(level, pending.toString(StandardCharsets.UTF_8));
        pending.reset();
      }
    }
  }
}
