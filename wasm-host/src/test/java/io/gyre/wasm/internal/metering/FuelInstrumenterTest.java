package io.gyre.wasm.internal.metering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import io.gyre.wasm.internal.binary.ByteSink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The rewriter's fuel and depth accounting, on a module small enough to count by hand. */
class FuelInstrumenterTest {

  /**
   *
   *
   * <pre>
   * (func $count (export "count") (param i32) (result i32)
   *   (loop $l (local.set 0 (i32.sub (local.get 0) (i32.const 1))) (br_if $l (local.get 0)))
   *   (local.get 0))
   * (func $pair (export "pair") (param i32) (result i32 i32)
   *   (if (local.get 0) (then (return (i32.const 1) (i32.const 2))))
   *   (i32.const 3) (i32.const 4))
   * (func $deep (export "deep") (param i32) (result i32)
   *   (if (result i32) (local.get 0)
   *     (then (call $deep (i32.sub (local.get 0) (i32.const 1))))
   *     (else (i32.const 0))))
   * (func $early (export "early") (param i32) (result i32)
   *   (block (br_if 1 (i32.const 7) (local.get 0)) (drop))
   *   (i32.const 9))
   * </pre>
   */
  private static final byte[] MODULE = module();

  private static byte[] module() {
    ByteSink types =
        new ByteSink()
            .u32(2)
            .bytes(new byte[] {0x60, 1, 0x7F, 1, 0x7F})
            .bytes(new byte[] {0x60, 1, 0x7F, 2, 0x7F, 0x7F});
    ByteSink functions = new ByteSink().u32(4).u32(0).u32(1).u32(0).u32(0);
    ByteSink exports =
        new ByteSink()
            .u32(4)
            .name("early")
            .u8(0)
            .u32(3)
            .name("count")
            .u8(0)
            .u32(0)
            .name("pair")
            .u8(0)
            .u32(1)
            .name("deep")
            .u8(0)
            .u32(2);
    byte[] count = {
      0, 0x03, 0x40, 0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x20, 0, 0x0D, 0, 0x0B, 0x20, 0, 0x0B
    };
    byte[] pair = {0, 0x20, 0, 0x04, 0x40, 0x41, 1, 0x41, 2, 0x0F, 0x0B, 0x41, 3, 0x41, 4, 0x0B};
    byte[] deep = {
      0, 0x20, 0, 0x04, 0x7F, 0x20, 0, 0x41, 1, 0x6B, 0x10, 2, 0x05, 0x41, 0, 0x0B, 0x0B
    };
    byte[] early = {0, 0x02, 0x40, 0x41, 7, 0x20, 0, 0x0D, 1, 0x1A, 0x0B, 0x41, 9, 0x0B};
    ByteSink code =
        new ByteSink()
            .u32(4)
            .u32(count.length)
            .bytes(count)
            .u32(pair.length)
            .bytes(pair)
            .u32(deep.length)
            .bytes(deep)
            .u32(early.length)
            .bytes(early);
    return new ByteSink()
        .bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00})
        .u8(1)
        .sized(types)
        .u8(3)
        .sized(functions)
        .u8(7)
        .sized(exports)
        .u8(10)
        .sized(code)
        .toByteArray();
  }

  private static final MeteredModule METERED = FuelInstrumenter.instrument(MODULE);

  private static Instance instance(long fuel, int depth) {
    Instance instance = Instance.builder(Parser.parse(METERED.bytes())).build();
    instance.global(METERED.fuelGlobal()).setValue(fuel);
    instance.global(METERED.depthGlobal()).setValue(depth);
    return instance;
  }

  /** Entry: loop, local.get, end = 3. Loop: 6 instructions and its end = 7 per iteration. */
  @Property(tries = 50)
  void loopFuelIsExactlyCounted(@ForAll @IntRange(min = 1, max = 2000) int n) {
    Instance instance = instance(1_000_000, 10);
    assertEquals(0, instance.export("count").apply(n)[0]);
    assertEquals(3 + 7L * n, 1_000_000 - instance.global(METERED.fuelGlobal()).getValue());
  }

  @Property(tries = 20)
  void theCallStopsExactlyWhenFuelRunsOut(@ForAll @IntRange(min = 1, max = 500) int n) {
    long needed = 3 + 7L * n;
    assertEquals(0, instance(needed, 10).export("count").apply(n)[0]);
    Instance starved = instance(needed - 1, 10);
    assertThrows(TrapException.class, () -> starved.export("count").apply(n));
    assertEquals(-1, Long.signum(starved.global(METERED.fuelGlobal()).getValue()));
  }

  @Test
  void multiValueResultsAndEarlyReturnsKeepTheirMeaning() {
    Instance instance = instance(1_000, 5);
    assertArrayEquals(new long[] {1, 2}, instance.export("pair").apply(1));
    assertArrayEquals(new long[] {3, 4}, instance.export("pair").apply(0));
    assertEquals(
        5, instance.global(METERED.depthGlobal()).getValue(), "depth restored on every exit");
  }

  /** deep(100) nests 100 calls below the one the host makes. */
  @Test
  void depthCountsNestedCalls() {
    Instance enough = instance(1_000_000, 100);
    assertEquals(0, enough.export("deep").apply(100)[0]);
    assertEquals(
        100, enough.global(METERED.depthGlobal()).getValue(), "depth restored after calls");
    Instance shallow = instance(1_000_000, 99);
    assertThrows(TrapException.class, () -> shallow.export("deep").apply(100));
    assertEquals(-1, shallow.global(METERED.depthGlobal()).getValue());
  }

  /** Leaving through a branch to the function's label still hands the fuel used to the host. */
  @Test
  void aBranchOutOfTheFunctionStillReportsItsFuel() {
    Instance taken = instance(1_000, 5);
    assertEquals(7, taken.export("early").apply(1)[0]);
    assertEquals(1_000 - 8, taken.global(METERED.fuelGlobal()).getValue());
    Instance notTaken = instance(1_000, 5);
    assertEquals(9, notTaken.export("early").apply(0)[0]);
    assertEquals(1_000 - 8, notTaken.global(METERED.fuelGlobal()).getValue());
  }

  @Test
  void theRewriterAddsTwoGlobalsAfterTheModulesOwn() {
    assertEquals(0, METERED.fuelGlobal());
    assertEquals(1, METERED.depthGlobal());
  }
}
