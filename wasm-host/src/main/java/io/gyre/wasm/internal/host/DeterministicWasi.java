package io.gyre.wasm.internal.host;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import io.gyre.wasm.internal.call.ContextSlot;
import io.gyre.wasm.internal.module.HostImports;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WASI preview 1 for one module instance, made deterministic: every clock reads the particle's
 * timestamp, {@code random_get} draws from the call's seeded stream, stdin/stdout/stderr are the
 * call's, there are no pre-opened directories, no environment, and argv is the function name.
 * Chicory implements the rest.
 */
public final class DeterministicWasi implements AutoCloseable {

  private static final int ESUCCESS = 0;
  private static final int EINVAL = 28;

  /** Clock ids WASI defines: realtime, monotonic, process and thread CPU time. */
  private static final int CLOCK_COUNT = 4;

  /** Clocks tick in whole milliseconds: the particle timestamp's resolution. */
  private static final long CLOCK_RESOLUTION_NS = 1_000_000L;

  private final WasiPreview1 wasi;
  private final Map<String, HostFunction> functions = new HashMap<>();

  /**
   * @param stdoutToLog whether stdout is log lines (a Gyre ABI module) rather than the result
   */
  public DeterministicWasi(ContextSlot slot, boolean stdoutToLog) {
    OutputStream stdout =
        stdoutToLog
            ? new SlotStream(slot, s -> s.current().stdoutLines())
            : new SlotStream(slot, s -> s.current().stdout());
    this.wasi =
        WasiPreview1.builder()
            .withOptions(
                WasiOptions.builder()
                    .withStdin(new SlotInput(slot))
                    .withStdout(stdout)
                    .withStderr(new SlotStream(slot, s -> s.current().stderrLines()))
                    .withArguments(List.of("service"))
                    .build())
            .build();
    for (HostFunction f : wasi.toHostFunctions()) {
      functions.put(f.name(), f);
    }
    functions.put("clock_time_get", clockTimeGet(slot));
    functions.put("clock_res_get", clockResGet());
    functions.put("random_get", randomGet(slot));
  }

  /** The WASI function {@code name}; the module loader already refused what is not offered. */
  public HostFunction function(String name) {
    HostImports.lookup(HostImports.WASI, name);
    return functions.get(name);
  }

  @Override
  public void close() {
    wasi.close();
  }

  private static HostFunction clockTimeGet(ContextSlot slot) {
    return new HostFunction(
        HostImports.WASI,
        "clock_time_get",
        HostImports.lookup(HostImports.WASI, "clock_time_get").type(),
        (instance, args) -> {
          if (args[0] < 0 || args[0] >= CLOCK_COUNT) {
            return new long[] {EINVAL};
          }
          instance.memory().writeLong((int) args[2], slot.current().clockNanos());
          return new long[] {ESUCCESS};
        });
  }

  private static HostFunction clockResGet() {
    return new HostFunction(
        HostImports.WASI,
        "clock_res_get",
        HostImports.lookup(HostImports.WASI, "clock_res_get").type(),
        (instance, args) -> {
          if (args[0] < 0 || args[0] >= CLOCK_COUNT) {
            return new long[] {EINVAL};
          }
          instance.memory().writeLong((int) args[1], CLOCK_RESOLUTION_NS);
          return new long[] {ESUCCESS};
        });
  }

  private static HostFunction randomGet(ContextSlot slot) {
    return new HostFunction(
        HostImports.WASI,
        "random_get",
        HostImports.lookup(HostImports.WASI, "random_get").type(),
        (instance, args) -> {
          byte[] bytes = new byte[(int) Math.min(Integer.toUnsignedLong((int) args[1]), 1 << 20)];
          slot.current().random().nextBytes(bytes);
          instance.memory().write((int) args[0], bytes);
          return new long[] {ESUCCESS};
        });
  }

  /** stdin of the call in progress. */
  private static final class SlotInput extends InputStream {
    private final ContextSlot slot;

    SlotInput(ContextSlot slot) {
      this.slot = slot;
    }

    @Override
    public int read() {
      return slot.current().stdin().read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return slot.current().stdin().read(b, off, len);
    }

    @Override
    public int available() {
      return slot.current().stdin().available();
    }
  }

  /** An output stream of the call in progress. */
  private static final class SlotStream extends OutputStream {
    private final ContextSlot slot;
    private final java.util.function.Function<ContextSlot, OutputStream> target;

    SlotStream(ContextSlot slot, java.util.function.Function<ContextSlot, OutputStream> target) {
      this.slot = slot;
      this.target = target;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      target.apply(slot).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      target.apply(slot).write(b, off, len);
    }
  }
}
