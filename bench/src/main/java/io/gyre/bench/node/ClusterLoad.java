package io.gyre.bench.node;

import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.run.DeployScript;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load on a 3-peer cluster (three nodes in this JVM, talking over Artery TCP on
 * loopback): a particle that hops over the three peers and calls the example greeting service
 * (WASM) on each, then answers its init peer. Closed loop: {@code concurrency} particles in flight,
 * each answer starts the next one. Every particle signature and every peer's data signatures are
 * checked, as in production.
 *
 * <p>{@code java -Xmx2g -XX:+UseShenandoahGC -cp bench/target/benchmarks.jar
 * io.gyre.bench.node.ClusterLoad [SECONDS [WARMUP [CONCURRENCY]]]} (the collector {@code ./gyre
 * node} runs peers with on Java 17; generational ZGC on 21+) prints progress every 5 s, then
 * throughput, latency percentiles, and the interpreter time per particle read from the nodes'
 * metrics. Extra node settings (e.g. dispatcher sizes to compare) are given as {@code
 * -Dbench.node.PATH=VALUE}. {@code bench/cluster-load-instructions.sh} adds the instructions
 * retired per particle, a figure the neighbours' load does not move.
 *
 * <p>For the tail: {@code -Dbench.timeline=FILE} writes when each particle answered and its latency
 * ({@code bench/cluster-load-stalls.py} reads it), {@code -Dbench.stall-dump-ms=MS} dumps the
 * threads when no particle answered for that long ({@link StallDumps}), and {@code
 * -Dbench.one-peer=true} makes all three calls on the first peer, to tell the network's part from
 * the peer's.
 */
public final class ClusterLoad {
  private static final String SETTING_PREFIX = "bench.node.";

  /** The particles' TTL ({@code -Dbench.ttl-seconds}): how long each peer keeps a particle. */
  private static final Duration TTL = Duration.ofSeconds(Long.getLong("bench.ttl-seconds", 10));

  private ClusterLoad() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    Path dir = Files.createTempDirectory("gyre-bench-");
    Map<String, String> settings =
        new java.util.HashMap<>(
            Map.of(
                "gyre.node.http.enabled", "off",
                "gyre.node.trace.log", "off",
                "gyre.node.trace.keep", "0",
                "akka.loglevel", "WARNING"));
    settings.putAll(extraSettings());
    try (LocalNetwork network =
        LocalNetwork.start(
            dir,
            3,
            settings,
            Duration.ofSeconds(120),
            n -> System.out.println("peer up: " + n.peerId()))) {
      List<GyreNode> nodes = network.nodes();
      List<String> peers = nodes.stream().map(n -> n.peerId().base58()).toList();
      byte[] greeting = module("greeting.wasm");
      for (String peer : peers) {
        RunResult deployed =
            nodes
                .get(0)
                .run(DeployScript.request(greeting, "greeting", peer))
                .toCompletableFuture()
                .get(120, TimeUnit.SECONDS);
        if (!deployed.ok()) {
          throw new IllegalStateException("deploy on " + peer + " failed: " + deployed);
        }
      }
      System.out.println("deployed greeting.wasm on " + peers.size() + " peers");
      List<String> path =
          Boolean.getBoolean("bench.one-peer")
              ? List.of(peers.get(0), peers.get(0), peers.get(0))
              : peers;
      RunRequest request =
          new RunRequest(script(path), Map.of(), TTL, Optional.empty(), Optional.empty());
      Load load = new Load(nodes.get(0), request, concurrency);
      load.start();
      StallDumps.startIfAsked(() -> load.completed.get());
      phase(load, nodes, "warm-up", warmup);
      Snapshot before = Snapshot.of(load, nodes);
      phase(load, nodes, "measured", seconds);
      Snapshot after = Snapshot.of(load, nodes);
      load.stop();
      report(before, after, load, seconds, concurrency);
      String timeline = System.getProperty("bench.timeline");
      if (timeline != null) {
        load.writeTimeline(Path.of(timeline), after.latencyIndex);
      }
    }
    System.exit(0);
  }

  /** Node settings given as {@code -Dbench.node.PATH=VALUE} (e.g. dispatcher sizes to compare). */
  private static Map<String, String> extraSettings() {
    Map<String, String> extra = new java.util.TreeMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(SETTING_PREFIX)) {
        extra.put(name.substring(SETTING_PREFIX.length()), System.getProperty(name));
      }
    }
    extra.forEach((path, value) -> System.out.println("setting " + path + " = " + value));
    return extra;
  }

  /** p1 greets, p2 greets p1's answer, p3 greets p2's, the init peer (p1) gets the result. */
  static String script(List<String> peers) {
    return "(seq (call \""
        + peers.get(0)
        + "\" (\"greeting\" \"greet\") [\"gyre\"] a)"
        + " (seq (call \""
        + peers.get(1)
        + "\" (\"greeting\" \"greet\") [a] b)"
        + " (seq (call \""
        + peers.get(2)
        + "\" (\"greeting\" \"greet\") [b] c)"
        + " (call %init_peer_id% (\"callbackSrv\" \"response\") [c]))))";
  }

  private static byte[] module(String name) throws Exception {
    try (InputStream in = ClusterLoad.class.getResourceAsStream("/wasm/" + name)) {
      return in.readAllBytes();
    }
  }

  private static void phase(Load load, List<GyreNode> nodes, String name, int seconds)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long lastCount = load.completed.get();
    int lastLatency = load.latencyCount.get();
    long lastPauseMs = GcPauses.totalMillis();
    long lastJitMs = jitMillis();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(5_000, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1));
      long count = load.completed.get();
      int latencyIndex = load.latencyCount.get();
      long pauseMs = GcPauses.totalMillis();
      long jitMs = jitMillis();
      // Each window's own p99 and GC pauses show whether the tail is warm-up, GC or steady.
      long[] window = load.latenciesBetween(lastLatency, latencyIndex);
      Arrays.sort(window);
      System.out.printf(
          "  %-8s %6d particles/s over the last 5 s, p99 %6.1f ms, GC pauses %4d ms, JIT %5d ms, %d failed so far, in flight %d%n",
          name,
          (count - lastCount) / 5,
          percentile(window, 0.99),
          pauseMs - lastPauseMs,
          jitMs - lastJitMs,
          load.failed.get(),
          nodes.get(0).metrics().particlesInFlight.get());
      lastCount = count;
      lastLatency = latencyIndex;
      lastPauseMs = pauseMs;
      lastJitMs = jitMs;
    }
  }

  /** Time the JIT compilers have spent so far (all compiler threads). */
  private static long jitMillis() {
    return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static void report(
      Snapshot before, Snapshot after, Load load, int seconds, int concurrency) {
    long completed = after.completed - before.completed;
    long[] latencies = load.latenciesBetween(before.latencyIndex, after.latencyIndex);
    Arrays.sort(latencies);
    System.out.println();
    System.out.printf("closed loop, %d in flight, %d s measured%n", concurrency, seconds);
    System.out.printf(
        "throughput      %.0f particles/s (%d completed, %d failed)%n",
        completed / (double) seconds, completed, after.failed - before.failed);
    System.out.printf(
        "latency         p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        percentile(latencies, 0.50),
        percentile(latencies, 0.90),
        percentile(latencies, 0.99),
        percentile(latencies, 1.0));
    System.out.printf(
        "GC pauses       %d ms in %d s measured (stop-the-world, all collectors)%n",
        after.gcPauseMillis - before.gcPauseMillis, seconds);
    double cpuMs = (after.cpuNanos - before.cpuNanos) / 1e6 / completed;
    System.out.printf(
        "process CPU     %.2f ms/particle (all threads of the 3 nodes and the load): at most %.0f particles/s on 2 cores of its own%n",
        cpuMs, 2000 / cpuMs);
    double runs = after.interpreterRuns - before.interpreterRuns;
    double runSeconds = after.interpreterSeconds - before.interpreterSeconds;
    System.out.printf(
        "interpreter     %.0f runs/particle, %.3f ms/particle in Interpreter.run (all 3 peers), %.1f µs/run%n",
        runs / completed, runSeconds * 1000 / completed, runSeconds * 1e6 / runs);
    System.out.printf(
        "service calls   %.3f ms/particle in calls (3 WASM + callbackSrv)%n",
        (after.serviceSeconds - before.serviceSeconds) * 1000 / completed);
  }

  private static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
    return sortedNanos[Math.max(0, index)] / 1e6;
  }

  /** Counts at one moment: completed and failed particles, interpreter and call time. */
  private record Snapshot(
      long cpuNanos,
      long gcPauseMillis,
      long completed,
      long failed,
      int latencyIndex,
      double interpreterRuns,
      double interpreterSeconds,
      double serviceSeconds) {
    static Snapshot of(Load load, List<GyreNode> nodes) {
      double runs = 0;
      double seconds = 0;
      double service = 0;
      for (GyreNode node : nodes) {
        NodeMetrics metrics = node.metrics();
        runs += metrics.interpreterRunSeconds.count();
        seconds += metrics.interpreterRunSeconds.sum();
        service += metrics.serviceCallSeconds.sum();
      }
      return new Snapshot(
          ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime(),
          GcPauses.totalMillis(),
          load.completed.get(),
          load.failed.get(),
          load.latencyCount.get(),
          runs,
          seconds,
          service);
    }
  }

  /** {@code concurrency} chains of runs: each answer starts the next particle. */
  private static final class Load {
    private final GyreNode node;
    private final RunRequest request;
    private final int concurrency;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long[] latencies = new long[4_000_000];
    // When each particle answered (System.nanoTime), for the timeline.
    private final long[] ends = new long[4_000_000];
    private final AtomicInteger latencyCount = new AtomicInteger();
    private volatile boolean running = true;

    Load(GyreNode node, RunRequest request, int concurrency) {
      this.node = node;
      this.request = request;
      this.concurrency = concurrency;
    }

    void start() {
      for (int i = 0; i < concurrency; i++) {
        next();
      }
    }

    void stop() {
      running = false;
    }

    private void next() {
      if (!running) {
        return;
      }
      long started = System.nanoTime();
      CompletableFuture<RunResult> run = node.run(request).toCompletableFuture();
      run.whenComplete(
          (result, error) -> {
            if (error == null && result.status() == RunResult.Status.RESPONDED) {
              int index = latencyCount.getAndIncrement();
              if (index < latencies.length) {
                long end = System.nanoTime();
                latencies[index] = end - started;
                ends[index] = end;
              }
              completed.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
            next();
          });
    }

    /**
     * One line per answered particle: when it answered (ms of JVM uptime, as {@code -Xlog:gc}
     * prints them), its latency (ms) and when it answered on the monotonic clock (ms), to line slow
     * particles up with GC, JIT, sweeps or other threads' CPU.
     */
    void writeTimeline(Path file, int count) throws java.io.IOException {
      long uptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
      long nowNanos = System.nanoTime();
      // monotonic_ms is System.nanoTime's clock, which perf's -k CLOCK_MONOTONIC traces share.
      StringBuilder out = new StringBuilder("uptime_ms latency_ms monotonic_ms\n");
      for (int i = 0; i < Math.min(count, ends.length); i++) {
        double atMs = uptimeMs - (nowNanos - ends[i]) / 1e6;
        out.append(String.format("%.1f %.2f %.1f%n", atMs, latencies[i] / 1e6, ends[i] / 1e6));
      }
      Files.writeString(file, out);
      System.out.println("timeline of " + count + " particles written to " + file);
    }

    long[] latenciesBetween(int from, int to) {
      return Arrays.copyOfRange(
          latencies, Math.min(from, latencies.length), Math.min(to, latencies.length));
    }
  }
}
