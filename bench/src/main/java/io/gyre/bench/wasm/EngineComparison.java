package io.gyre.bench.wasm;

import io.gyre.wasm.CallParameters;
import io.gyre.wasm.ExecutionMode;
import io.gyre.wasm.HostOptions;
import io.gyre.wasm.Service;
import io.gyre.wasm.WasmHost;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (b) interleaved: on a machine shared with other work, one engine measured after another
 * sees different load, so this runs the engines in alternation — each round times a batch of calls
 * on every engine — and reports each engine's median and best round. The best rounds are the least
 * disturbed; their ratios are the fairest comparison. Times are the calling thread's CPU time
 * (calls run on it), which other processes' load disturbs far less than wall time. JMH's {@link
 * CpuHeavyBenchmark} gives the classic figures.
 *
 * <p>{@code java -Xss256m -cp bench/target/benchmarks.jar io.gyre.bench.wasm.EngineComparison
 * [rounds] [callsPerRound] [includeInterpreter] [workload]}: workload {@code hashloop} (default,
 * benchmark b) or {@code greeting} (benchmark a's trivial call with a 100-byte argument).
 */
public final class EngineComparison {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private EngineComparison() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean interpreter = args.length > 2 && Boolean.parseBoolean(args[2]);
    boolean trivial = args.length > 3 && args[3].equals("greeting");
    String module = trivial ? "greeting" : "hashloop";
    String function = trivial ? "greet" : "spin";
    String argument = trivial ? TrivialCallBenchmark.ARGUMENT : CpuHeavyBenchmark.ARGUMENT;
    Map<String, HostOptions> engines = new LinkedHashMap<>();
    if (interpreter) {
      engines.put("interpreter", HostOptions.DEFAULT.withMode(ExecutionMode.INTERPRETED));
    }
    engines.put("compiler", HostOptions.DEFAULT.withFuelMetering(false));
    engines.put("compiler+fuel", HostOptions.DEFAULT);

    Map<String, Service> services = new LinkedHashMap<>();
    Map<String, List<Double>> perCallMs = new LinkedHashMap<>();
    List<WasmHost> hosts = new ArrayList<>();
    engines.forEach(
        (name, options) -> {
          WasmHost host = WasmHost.create(options.withRunOnCallerThread(true));
          hosts.add(host);
          services.put(name, ExampleModules.deploy(host, module));
          perCallMs.put(name, new ArrayList<>());
        });
    CallParameters parameters = CallParameters.local(module, 0);

    System.out.println("warming up (" + engines.keySet() + ")");
    for (int i = 0; i < 3; i++) {
      services.forEach(
          (name, s) ->
              time(s, function, argument, parameters, name.equals("interpreter") ? 1 : calls * 2));
    }
    for (int round = 1; round <= rounds; round++) {
      StringBuilder line = new StringBuilder("round " + round + ":");
      for (Map.Entry<String, Service> entry : services.entrySet()) {
        int n = entry.getKey().equals("interpreter") ? 1 : calls;
        double ms = time(entry.getValue(), function, argument, parameters, n) / n;
        perCallMs.get(entry.getKey()).add(ms);
        line.append(String.format("  %s %.4f ms", entry.getKey(), ms));
      }
      System.out.println(line);
    }
    System.out.println("engine, median CPU ms/call, best round CPU ms/call");
    perCallMs.forEach(
        (name, values) -> {
          double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
          System.out.printf("%s, %.4f, %.4f%n", name, sorted[sorted.length / 2], sorted[0]);
        });
    if (perCallMs.containsKey("compiler") && perCallMs.containsKey("compiler+fuel")) {
      // Paired: both engines ran in the same round, under about the same load.
      List<Double> plain = perCallMs.get("compiler");
      List<Double> metered = perCallMs.get("compiler+fuel");
      double[] ratios = new double[plain.size()];
      for (int i = 0; i < ratios.length; i++) {
        ratios[i] = metered.get(i) / plain.get(i);
      }
      java.util.Arrays.sort(ratios);
      System.out.printf(
          "fuel metering cost, median of per-round ratios: %+.1f%%%n",
          (ratios[ratios.length / 2] - 1) * 100);
    }
    hosts.forEach(WasmHost::close);
  }

  /**
   * Milliseconds of this thread's CPU time for {@code n} calls: CPU time, not wall time, so that
   * time the thread spends waiting for a core other processes hold does not count.
   */
  private static double time(
      Service service, String function, String argument, CallParameters parameters, int n) {
    long start = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      ExampleModules.succeed(service.call(function, argument, parameters));
    }
    return (CPU.getCurrentThreadCpuTime() - start) / 1e6;
  }
}
