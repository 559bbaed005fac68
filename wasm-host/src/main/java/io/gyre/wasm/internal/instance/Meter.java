package io.gyre.wasm.internal.instance;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import io.gyre.wasm.internal.module.LoadedModule;

/** Reads and sets a module instance's metering globals (fuel left, call depth left). */
interface Meter {

  void set(long fuel, int depth);

  long fuelLeft();

  int depthLeft();

  /** Moves this meter's state into {@code other}, for a call that crosses into another module. */
  default void handTo(Meter other) {
    other.set(fuelLeft(), depthLeft());
  }

  static Meter of(Instance instance, LoadedModule loaded) {
    return loaded
        .metering()
        .<Meter>map(
            m -> new Globals(instance.global(m.fuelGlobal()), instance.global(m.depthGlobal())))
        .orElseGet(Unmetered::new);
  }

  /** The two globals metering added to the module. */
  final class Globals implements Meter {
    private final GlobalInstance fuel;
    private final GlobalInstance depth;

    Globals(GlobalInstance fuel, GlobalInstance depth) {
      this.fuel = fuel;
      this.depth = depth;
    }

    @Override
    public void set(long fuelLeft, int depthLeft) {
      fuel.setValue(fuelLeft);
      depth.setValue(depthLeft);
    }

    @Override
    public long fuelLeft() {
      return fuel.getValue();
    }

    @Override
    public int depthLeft() {
      return (int) depth.getValue();
    }
  }

  /** A host running without metering: fuel stays where it was set and nothing is counted. */
  final class Unmetered implements Meter {
    private long fuel;
    private int depth;

    @Override
    public void set(long fuelLeft, int depthLeft) {
      fuel = fuelLeft;
      depth = depthLeft;
    }

    @Override
    public long fuelLeft() {
      return fuel;
    }

    @Override
    public int depthLeft() {
      return depth;
    }
  }
}
