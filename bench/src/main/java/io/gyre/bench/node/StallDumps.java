package io.gyre.bench.node;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * A diagnostic for the load's tail: when no particle has answered for {@code -Dbench.stall-dump-ms}
 * milliseconds, every thread's stack goes to {@code -Dbench.stall-dump-file} (once per stall, at
 * most 30, from {@code -Dbench.stall-dump-after-s} seconds of uptime on), showing what the peers'
 * threads do while every particle waits.
 */
final class StallDumps {
  private static final int MAX_DUMPS = 30;

  private StallDumps() {}

  static void startIfAsked(LongSupplier completed) {
    long stallMs = Long.getLong("bench.stall-dump-ms", 0);
    if (stallMs <= 0) {
      return;
    }
    Path file = Path.of(System.getProperty("bench.stall-dump-file", "stalls.txt"));
    Thread watcher = new Thread(() -> watch(completed, stallMs, file), "stall-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void watch(LongSupplier completed, long stallMs, Path file) {
    long last = completed.getAsLong();
    long since = System.nanoTime();
    boolean dumped = false;
    int dumps = 0;
    long afterMs = Long.getLong("bench.stall-dump-after-s", 0) * 1000;
    try {
      while (dumps < MAX_DUMPS) {
        Thread.sleep(1);
        long now = completed.getAsLong();
        long at = System.nanoTime();
        if (now != last) {
          last = now;
          since = at;
          dumped = false;
        } else if (!dumped
            && (at - since) / 1_000_000 >= stallMs
            && ManagementFactory.getRuntimeMXBean().getUptime() >= afterMs) {
          dump(file, (at - since) / 1_000_000);
          dumped = true;
          dumps++;
        }
      }
    } catch (InterruptedException | IOException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void dump(Path file, long stalledMs) throws IOException {
    StringBuilder out = new StringBuilder();
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    out.append("=== stall: no answer for ")
        .append(stalledMs)
        .append(" ms at uptime ")
        .append(uptime)
        .append(" ms\n");
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true, 40)) {
      out.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        out.append(" on ")
            .append(info.getLockName())
            .append(" owned by ")
            .append(info.getLockOwnerName());
      }
      out.append('\n');
      for (StackTraceElement frame : info.getStackTrace()) {
        out.append("    at ").append(frame).append('\n');
      }
    }
    Files.writeString(
        file, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }
}
