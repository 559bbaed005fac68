package io.gyre.bench.aqua;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm compiles with Gyre's Aqua compiler (issue 3, item 7): {@code small} is a short file that
 * imports aqua-lib's builtin.aqua, {@code big} the 2,038-line program {@code gen-aqua.py 92}
 * generates. One operation is a whole compilation with a fresh {@link AquaCompiler} (parse both
 * files, resolve, check, lower, topology, AIR text): nothing is cached between operations. Compare
 * with {@code bench-compile.mjs} (the real compiler, warm) run in the same session; see
 * bench/aqua-compile-bench.sh, which prepares the inputs and runs both.
 *
 * <pre>
 * java -Dgyre.bench.aqua.big=/tmp/big.aqua -Dgyre.bench.aqua.imports=$HOME/.cache/gyre/npm \
 *     -jar bench/target/benchmarks.jar AquaCompileBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class AquaCompileBenchmark {

  /** {@code small} (bundled) or {@code big} ({@code -Dgyre.bench.aqua.big=FILE}). */
  @Param({"small", "big"})
  public String input;

  private SourceFile source;
  private CompileOptions options;

  @Setup
  public void setUp() throws IOException {
    Path imports =
        Path.of(
            System.getProperty(
                "gyre.bench.aqua.imports",
                Path.of(System.getProperty("user.home"), ".cache", "gyre", "npm").toString()));
    options = CompileOptions.defaults().withImportRoots(List.of(imports));
    if (input.equals("small")) {
      source =
          new SourceFile(
              Path.of("small.aqua").toAbsolutePath(), "small.aqua", bundled("small.aqua"));
    } else {
      String big = System.getProperty("gyre.bench.aqua.big");
      if (big == null) {
        throw new IllegalStateException(
            "set -Dgyre.bench.aqua.big=FILE (python3 ../shared/oracle/gen-aqua.py 92 > FILE)");
      }
      Path file = Path.of(big).toAbsolutePath();
      source = new SourceFile(file, file.getFileName().toString(), Files.readString(file));
    }
    compile(); // fail fast if the input does not compile
  }

  @Benchmark
  public List<CompiledModule> compile() {
    try {
      return new AquaCompiler(options).compile(List.of(source));
    } catch (CompileException e) {
      throw new IllegalStateException(e.diagnostics().get(0).render(), e);
    }
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = AquaCompileBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing bundled benchmark input " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
