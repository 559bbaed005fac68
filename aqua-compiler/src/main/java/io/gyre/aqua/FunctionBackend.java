package io.gyre.aqua;

import io.gyre.aqua.check.Typing;
import io.gyre.aqua.emit.AirPrinter;
import io.gyre.aqua.lower.FunctionLowerer;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates exported functions: lower, place (topology) and print each one. Functions share only
 * read-only analysis results, so several are generated at once on threads with a deep stack.
 */
final class FunctionBackend {
  /** Below this many functions, threads cost more than they save. */
  private static final int PARALLEL_FROM = 8;

  private static final long STACK_BYTES = 64L * 1024 * 1024;

  private FunctionBackend() {}

  /** A generated function, or the errors only generation finds. */
  record Result(Optional<CompiledFunction> function, List<Diagnostic> diagnostics) {}

  static List<Result> generate(List<AquaCompiler.FunctionJob> jobs, Typing typing) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), jobs.size());
    if (jobs.size() < PARALLEL_FROM || threads < 2) {
      return jobs.stream().map(job -> generate(job, typing)).toList();
    }
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(null, r, "aqua-backend-" + ids.incrementAndGet(), STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (AquaCompiler.FunctionJob job : jobs) {
        futures.add(pool.submit(() -> generate(job, typing)));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating AIR", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // one generate() does not catch (e.g. OutOfMemoryError): kept as it is
      }
      throw new IllegalStateException("AIR generation failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static Result generate(AquaCompiler.FunctionJob job, Typing typing) {
    try {
      Op lowered = FunctionLowerer.lower(job.def(), typing);
      String air = AirPrinter.print(Topology.resolve(lowered));
      List<CompiledFunction.Argument> args = new ArrayList<>();
      for (int i = 0; i < job.def().paramNames().size(); i++) {
        args.add(
            new CompiledFunction.Argument(
                job.def().paramNames().get(i), job.def().type().params().get(i).toString()));
      }
      List<String> results = job.def().type().results().stream().map(Object::toString).toList();
      return new Result(
          Optional.of(new CompiledFunction(job.name(), air, args, results)), List.of());
    } catch (CompileException e) {
      return new Result(Optional.empty(), e.diagnostics());
    } catch (StackOverflowError e) {
      return new Result(
          Optional.empty(),
          List.of(
              new Diagnostic(
                  job.module().module().source(), job.def().pos(), "too deeply nested")));
    } catch (RuntimeException | AssertionError | LinkageError e) {
      // Placing or printing failed, or lowering outside a statement (a compiler bug, see
      // Diagnostic.internal): reported at the function, never thrown.
      return new Result(
          Optional.empty(),
          List.of(Diagnostic.internal(job.module().module().source(), job.def().pos(), e)));
    }
  }
}
