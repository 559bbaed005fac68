package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import io.gyre.wasm.internal.module.LoadedModule;
import java.util.HashMap;
import java.util.Map;

/** One instantiated module of a service: its Chicory instance, meter and memory cap. */
final class ModuleInstance {

  private final String name;
  private final LoadedModule loaded;
  private final Instance instance;
  private final Meter meter;
  private final int serviceMemoryCap;
  private final Map<String, ExportFunction> exports = new HashMap<>();

  ModuleInstance(String name, LoadedModule loaded, Instance instance, int serviceMemoryCap) {
    this.name = name;
    this.loaded = loaded;
    this.instance = instance;
    this.meter = Meter.of(instance, loaded);
    this.serviceMemoryCap = serviceMemoryCap;
  }

  String name() {
    return name;
  }

  LoadedModule loaded() {
    return loaded;
  }

  Meter meter() {
    return meter;
  }

  Memory memory() {
    return instance.memory();
  }

  Instance instance() {
    return instance;
  }

  long[] call(String export, long... args) {
    return exports.computeIfAbsent(export, instance::export).apply(args);
  }

  /** Whether memory has grown to the service's page limit (rather than the module's own). */
  boolean atServiceMemoryLimit() {
    return serviceMemoryCap > 0 && instance.memory().pages() >= serviceMemoryCap;
  }
}
