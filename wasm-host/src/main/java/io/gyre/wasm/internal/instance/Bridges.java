package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.runtime.HostFunction;
import io.gyre.wasm.internal.module.LoadedModule.FunctionImport;
import java.util.function.Supplier;

/**
 * Calls from one module of a service into an earlier one. A service function of the target (one its
 * ABI calls with JSON) is bridged by copying the JSON between the two memories; any other function
 * gets its numbers as they are. Fuel and call depth travel with the call either way.
 */
final class Bridges {

  private Bridges() {}

  /**
   * @param caller the importing module's instance, which exists only once its imports do
   */
  static HostFunction bridge(
      FunctionImport imp,
      ModuleInstance target,
      Supplier<ModuleInstance> caller,
      int maxResultBytes) {
    boolean json =
        target.loaded().description().functions().stream()
            .anyMatch(f -> f.export().equals(imp.name()));
    return new HostFunction(
        imp.module(),
        imp.name(),
        imp.type(),
        (instance, args) ->
            json
                ? jsonCall(caller.get(), target, imp.name(), args, maxResultBytes)
                : rawCall(caller.get(), target, imp.name(), args));
  }

  private static long[] rawCall(
      ModuleInstance caller, ModuleInstance target, String export, long[] args) {
    caller.meter().handTo(target.meter());
    try {
      return target.call(export, args);
    } finally {
      target.meter().handTo(caller.meter());
    }
  }

  private static long[] jsonCall(
      ModuleInstance caller,
      ModuleInstance target,
      String export,
      long[] args,
      int maxResultBytes) {
    byte[] json = caller.memory().readBytes((int) args[0], (int) args[1]);
    byte[] result;
    caller.meter().handTo(target.meter());
    try {
      result = GyreAbi.invoke(target, export, json, maxResultBytes);
    } finally {
      target.meter().handTo(caller.meter());
    }
    int ptr = (int) caller.call("alloc", result.length)[0];
    caller.memory().write(ptr, result);
    return new long[] {GyreAbi.pack(ptr, result.length)};
  }
}
