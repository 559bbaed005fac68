package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasi.WasiExitException;
import io.gyre.wasm.CallError.Kind;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.internal.call.OutputLimitException;

/**
 * Names what stopped a call. The meters are read first: a metering trap leaves fuel or depth below
 * zero, which no other trap does.
 */
final class ErrorClassifier {

  private ErrorClassifier() {}

  static CallFailure classify(
      Throwable thrown, ServiceInstances instances, ServiceLimits limits, boolean deadlineFired) {
    if (thrown instanceof CallFailure failure) {
      return failure;
    }
    if (deadlineFired || causedBy(thrown, ChicoryInterruptedException.class)) {
      return new CallFailure(
          Kind.WALL_TIME_LIMIT,
          "wall time limit: the call ran longer than " + limits.wallTime().toMillis() + " ms",
          false);
    }
    OutputLimitException output = cause(thrown, OutputLimitException.class);
    if (output != null) {
      return new CallFailure(Kind.OUTPUT_SIZE_LIMIT, output.getMessage(), false);
    }
    WasiExitException exit = cause(thrown, WasiExitException.class);
    if (exit != null) {
      return new CallFailure(
          Kind.EXIT_CODE,
          "the module exited with status " + exit.exitCode() + " (its stderr is in the log)",
          false);
    }
    if (instances != null) {
      Meter meter = instances.facade().meter();
      if (meter.fuelLeft() < 0) {
        return new CallFailure(
            Kind.FUEL_LIMIT,
            "fuel limit: the call used all of its " + limits.fuel() + " units of fuel",
            false);
      }
      if (meter.depthLeft() < 0) {
        return stackDepth(limits);
      }
    }
    if (causedBy(thrown, StackOverflowError.class)
        || String.valueOf(thrown.getMessage()).contains("call stack exhausted")) {
      // The call thread's stack ran out before the depth limit: only on a caller thread that
      // promised a call-sized stack and does not have one.
      return new CallFailure(
          Kind.STACK_DEPTH_LIMIT,
          "stack depth limit: the thread's stack ran out before the limit of "
              + limits.stackDepth()
              + " wasm function calls (call from a thread with a larger stack)",
          false);
    }
    String trap = describe(thrown);
    if (instances != null) {
      for (ModuleInstance module : instances.modules()) {
        if (module.atServiceMemoryLimit()) {
          return new CallFailure(
              Kind.MEMORY_LIMIT,
              "memory limit: module "
                  + module.name()
                  + " reached the service's limit of "
                  + limits.memoryPages()
                  + " pages (64 KiB each) and then failed: "
                  + trap,
              false);
        }
      }
    }
    return new CallFailure(Kind.TRAP, trap, false);
  }

  private static CallFailure stackDepth(ServiceLimits limits) {
    return new CallFailure(
        Kind.STACK_DEPTH_LIMIT,
        "stack depth limit: the call nested more than "
            + limits.stackDepth()
            + " wasm function calls",
        false);
  }

  private static String describe(Throwable thrown) {
    if (thrown instanceof TrapException) {
      return "the module trapped: " + thrown.getMessage();
    }
    return "the module failed: " + thrown;
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    return cause(thrown, type) != null;
  }

  private static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
