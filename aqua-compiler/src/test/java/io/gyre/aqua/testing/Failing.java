package io.gyre.aqua.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.Pos;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Inputs that throw a chosen failure when they are read: they provoke a compiler bug at a chosen
 * place, so the tests can see where and how the compiler reports it.
 */
public final class Failing {
  private Failing() {}

  /** What the compiler must report as its own bug (see {@code Diagnostic.internal}). */
  public static Stream<Throwable> compilerBugs() {
    return Stream.of(
        new IllegalStateException("a broken invariant"),
        new AssertionError("unreachable"),
        new NoClassDefFoundError("io/gyre/aqua/Gone"));
  }

  /** What says the JVM itself is in trouble: the compiler must let it through. */
  public static OutOfMemoryError jvmFailure() {
    return new OutOfMemoryError("provoked by the test");
  }

  /** A list of {@code size} elements; reading any of them throws {@code failure}. */
  public static <T> List<T> list(int size, Throwable failure) {
    return new AbstractList<>() {
      @Override
      public T get(int index) {
        throw unchecked(failure);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** {@code def} with parameter names that throw {@code failure} when read. */
  public static Symbol.FuncDef withParamNames(Symbol.FuncDef def, Throwable failure) {
    return new Symbol.FuncDef(
        def.name(),
        def.decl(),
        list(def.paramNames().size(), failure),
        def.type(),
        def.abilities(),
        def.owner(),
        def.pos());
  }

  /** A path every use of which throws {@code failure}, as on a broken file system. */
  public static Path path(Throwable failure) {
    return (Path)
        Proxy.newProxyInstance(
            Path.class.getClassLoader(),
            new Class<?>[] {Path.class},
            (proxy, method, args) -> {
              throw unchecked(failure);
            });
  }

  /** Asserts that {@code message}, reported at {@code pos}, names {@code bug} as a compiler bug. */
  public static void assertReportedAsBug(
      Throwable bug, String file, int line, int column, Pos pos, String message) {
    String shown = pos + ": " + message;
    assertEquals(line, pos.line(), shown);
    assertEquals(column, pos.column(), shown);
    String where = file + ":" + line + ":" + column;
    assertTrue(message.startsWith("internal compiler error at " + where + ": "), shown);
    assertTrue(message.contains(bug.toString()), shown);
    assertTrue(message.endsWith(", please report"), shown);
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    throw new IllegalArgumentException("only unchecked failures can be provoked", failure);
  }
}
