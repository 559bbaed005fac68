package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketDump;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of {@code gyre market demo}, printing each step: 4 peers (a developer, whose node runs
 * the marketplace, and 3 providers), offers, a deal with 2 replicas matched and deployed, its
 * service called from Aqua, two epochs settled from verified proofs, one matched provider killed,
 * slashed and replaced by the third, calls going on, the final ledger. Any step that does not hold
 * is a {@link DemoFailure} naming it.
 */
final class MarketDemo {
  static final int STEPS = 9;
  private static final long PRICE = 10;
  private static final long COLLATERAL = 100;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final PrintWriter out;
  private final Duration epoch;
  private final List<String> names = List.of("developer", "provider 1", "provider 2", "provider 3");
  private List<GyreNode> nodes = List.of();

  MarketDemo(PrintWriter out, Duration epoch) {
    this.out = out;
    this.epoch = epoch;
  }

  int run(Path dir) throws DemoFailure {
    DemoScripts aqua = DemoScripts.compile(dir.resolve("aqua"));
    step(
        1,
        "compiled market-demo.aqua (imports Gyre's market.aqua): "
            + String.join(", ", aqua.names()));
    step(
        2,
        "starting 4 peers (the developer's node runs the marketplace), epochs of "
            + epoch.toSeconds()
            + " s");
    try (LocalNetwork network = startNetwork(dir)) {
      nodes = network.nodes();
      GyreNode developer = nodes.get(0);
      Marketplace market = developer.market().marketplace();
      MarketDump opened = await("the marketplace to open", MarketDump::opened);
      say("      marketplace open at epoch " + opened.epoch());

      step(3, "the operator funds the wallets (the only way money enters)");
      fund(market, developer.peerId(), 1_000);
      for (GyreNode provider : nodes.subList(1, 4)) {
        fund(market, provider.peerId(), 500);
      }

      step(
          4,
          "each provider offers one compute unit: price "
              + PRICE
              + " per epoch, collateral "
              + COLLATERAL);
      for (int i = 1; i <= 3; i++) {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("price", JSON.numberNode(PRICE));
        args.put("collateral", JSON.numberNode(COLLATERAL));
        JsonNode offer = aqua.call(nodes.get(i), "offer", args);
        say("      " + names.get(i) + " " + nodes.get(i).peerId() + ": " + offer.asText());
      }

      step(
          5,
          "the developer stores greeting.wasm on its peer and opens a deal: 2 replicas (at least 1), deposit 400");
      byte[] wasm = DemoScripts.resource("/wasm/greeting.wasm");
      Map<String, JsonNode> module = new LinkedHashMap<>();
      module.put("wasm", JSON.textNode(Base64.getEncoder().encodeToString(wasm)));
      module.put("name", JSON.textNode("greeting"));
      String hash = aqua.call(developer, "addModule", module).asText();
      Map<String, JsonNode> deal = new LinkedHashMap<>();
      deal.put("blueprint", JSON.textNode("greeting"));
      deal.put("module", JSON.textNode(hash));
      deal.put("max_price", JSON.numberNode(PRICE));
      deal.put("replicas", JSON.numberNode(2));
      deal.put("epochs", JSON.numberNode(100));
      deal.put("deposit", JSON.numberNode(400));
      String dealId = aqua.call(developer, "openDeal", deal).asText();
      MarketDump matched =
          await(
              dealId + " matched and its service deployed",
              d ->
                  active(d, dealId).filter(x -> x.assignments().size() == 2).isPresent()
                      && d.pendingDeployments().isEmpty());
      Deal running = active(matched, dealId).orElseThrow();
      for (Assignment unit : running.assignments()) {
        say(
            "      "
                + dealId
                + " unit "
                + unit.unit()
                + " on "
                + who(unit.peer())
                + ", serving from epoch "
                + unit.fromEpoch());
      }

      step(6, "calling the deal's service from Aqua on both matched peers");
      greetAll(aqua, developer, running, dealId);

      long servesFrom = running.assignments().get(0).fromEpoch();
      step(
          7,
          "two epochs settle from verified proofs (capacity puzzles, batch roots, re-executed receipts)");
      MarketDump settled =
          awaitCalling(
              aqua,
              developer,
              dealId,
              "epochs " + servesFrom + " and " + (servesFrom + 1) + " to settle",
              d -> d.lastSettledEpoch() >= servesFrom + 1);
      long epochs = settled.lastSettledEpoch() - servesFrom + 1;
      for (Assignment unit : running.assignments()) {
        long earned = balance(settled, "earnings:" + unit.provider().base58());
        say("      " + who(unit.peer()) + " earned " + earned + " for " + epochs + " epochs");
        if (earned != PRICE * epochs) {
          throw new DemoFailure(
              who(unit.peer()) + " earned " + earned + ", expected " + PRICE * epochs);
        }
      }
      if (balance(settled, "slashed:") != 0) {
        throw new DemoFailure(
            "a provider was slashed although every proof held: " + settled.toJson());
      }

      Assignment victim = running.assignments().get(0);
      GyreNode victimNode = nodeOf(victim.peer());
      step(8, "killing " + who(victim.peer()) + ": its node stops at once, without a word");
      victimNode.crash();
      MarketDump rematched =
          await(
              victim.unit() + " slashed at the next settlement and " + dealId + " rematched",
              d ->
                  balance(d, "slashed:") > 0
                      && active(d, dealId)
                          .filter(x -> x.assignments().size() == 2)
                          .filter(x -> x.excluded().contains(victim.unit()))
                          .isPresent()
                      && d.pendingDeployments().isEmpty());
      Deal now = active(rematched, dealId).orElseThrow();
      Assignment replacement =
          now.assignments().stream()
              .filter(a -> running.assignments().stream().noneMatch(r -> r.unit().equals(a.unit())))
              .findFirst()
              .orElseThrow(() -> new DemoFailure("no new unit in " + rematched.toJson()));
      say(
          "      epoch "
              + rematched.lastSettledEpoch()
              + " settled: "
              + victim.unit()
              + " slashed "
              + balance(rematched, "slashed:")
              + " (no proofs), replaced by "
              + replacement.unit()
              + " on "
              + who(replacement.peer())
              + ", serving from epoch "
              + replacement.fromEpoch());

      step(9, "calls go on: the deal's service answers on its units");
      greetAll(aqua, developer, now, dealId);

      MarketDump last = developer.market().marketplace().view().toCompletableFuture().join().dump();
      say(
          "final ledger (epoch "
              + last.epoch()
              + ", last settled "
              + last.lastSettledEpoch()
              + "):");
      long total = 0;
      for (Map.Entry<String, Long> account : last.accounts().entrySet()) {
        say(
            String.format(
                "      %-20s %-55s %8d",
                account.getKey().substring(0, account.getKey().indexOf(':') + 1),
                label(account.getKey()),
                account.getValue()));
        total += account.getValue();
      }
      say(String.format("      %-76s %8d", "total (nothing created or lost)", total));
      if (total != 0) {
        throw new DemoFailure("the ledger does not sum to zero: " + total);
      }
      say("every step held; stopping the peers");
    }
    return 0;
  }

  private LocalNetwork startNetwork(Path dir) throws DemoFailure {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("gyre.node.market.epoch-length", epoch.toMillis() + "ms");
    common.put("gyre.node.market.audit-timeout", "3s");
    common.put("gyre.node.market.ask-timeout", "5s");
    common.put("gyre.node.market.puzzle.memory-kib", "64");
    common.put("gyre.node.market.puzzle.difficulty-bits", "4");
    List<Map<String, String>> settings = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Map<String, String> node = new LinkedHashMap<>(common);
      node.put("gyre.node.market.enabled", i == 0 ? "on" : "off");
      settings.add(node);
    }
    int[] started = {0};
    try {
      return LocalNetwork.start(
          dir,
          settings,
          WAIT,
          node ->
              say(
                  "      "
                      + names.get(started[0]++)
                      + " "
                      + node.peerId()
                      + " up (cluster port "
                      + node.clusterPort()
                      + ")"));
    } catch (IllegalStateException e) {
      throw new DemoFailure(e.getMessage());
    }
  }

  private void greetAll(DemoScripts aqua, GyreNode developer, Deal deal, String dealId)
      throws DemoFailure {
    for (Assignment unit : deal.assignments()) {
      JsonNode answer = aqua.call(developer, "greet", greetArgs(unit.peer(), dealId));
      say("      " + who(unit.peer()) + ": " + answer.asText());
      if (!answer.asText().equals("Hello, market!")) {
        throw new DemoFailure("the service on " + who(unit.peer()) + " answered " + answer);
      }
    }
  }

  private static Map<String, JsonNode> greetArgs(PeerId peer, String dealId) {
    Map<String, JsonNode> args = new LinkedHashMap<>();
    args.put("peer", JSON.textNode(peer.base58()));
    args.put("deal", JSON.textNode(dealId));
    args.put("name", JSON.textNode("market"));
    return args;
  }

  private void fund(Marketplace market, PeerId peer, long amount) throws DemoFailure {
    try {
      long wallet = market.fund(peer, amount).toCompletableFuture().get(30, TimeUnit.SECONDS);
      say("      " + who(peer) + ": wallet " + wallet);
    } catch (Exception e) {
      throw new DemoFailure("funding " + peer + " failed: " + e.getMessage());
    }
  }

  /** Waits, printing the epoch's progress every 2 s, until the marketplace's state passes. */
  private MarketDump await(String what, Predicate<MarketDump> until) throws DemoFailure {
    return waitFor(what, until, () -> {});
  }

  /** As {@link #await}, calling the deal's service on its units meanwhile (work to prove). */
  private MarketDump awaitCalling(
      DemoScripts aqua, GyreNode developer, String dealId, String what, Predicate<MarketDump> until)
      throws DemoFailure {
    return waitFor(
        what,
        until,
        () -> {
          MarketDump now =
              developer.market().marketplace().view().toCompletableFuture().join().dump();
          for (Assignment unit : active(now, dealId).map(Deal::assignments).orElse(List.of())) {
            try {
              aqua.call(developer, "greet", greetArgs(unit.peer(), dealId));
            } catch (DemoFailure e) {
              say("      (a call failed: " + e.getMessage() + ")");
            }
          }
        });
  }

  private MarketDump waitFor(String what, Predicate<MarketDump> until, Runnable meanwhile)
      throws DemoFailure {
    long started = System.nanoTime();
    long deadline = started + WAIT.toNanos() + 4 * epoch.toNanos();
    long lastReport = started;
    MarketDump last = null;
    while (System.nanoTime() < deadline) {
      try {
        last =
            nodes
                .get(0)
                .market()
                .marketplace()
                .view()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .dump();
        if (until.test(last)) {
          return last;
        }
      } catch (Exception e) {
        // the marketplace is starting: ask again
      }
      if (System.nanoTime() - lastReport >= Duration.ofSeconds(2).toNanos()) {
        lastReport = System.nanoTime();
        say("      ... waiting for " + what + ": " + progress(last, started));
      }
      meanwhile.run();
      sleep(500);
    }
    throw new DemoFailure(
        "waited "
            + WAIT.toSeconds()
            + " s for "
            + what
            + (last == null ? "" : "; state: " + last.toJson()));
  }

  private String progress(MarketDump dump, long started) {
    long ms = epoch.toMillis();
    long now = System.currentTimeMillis();
    String clock = "epoch " + now / ms + " " + (now % ms) * 100 / ms + "%";
    String settled = dump == null ? "" : ", last settled " + dump.lastSettledEpoch();
    return clock + settled + ", " + (System.nanoTime() - started) / 1_000_000_000 + " s";
  }

  private static Optional<Deal> active(MarketDump dump, String dealId) {
    return dump.deals().stream()
        .filter(d -> d.id().value().equals(dealId) && d.phase() == Deal.Phase.ACTIVE)
        .findFirst();
  }

  private GyreNode nodeOf(PeerId peer) throws DemoFailure {
    return nodes.stream()
        .filter(n -> n.peerId().equals(peer))
        .findFirst()
        .orElseThrow(() -> new DemoFailure("no node hosts " + peer));
  }

  /** "provider 2 (12D3…)" for a peer of the demo. */
  private String who(PeerId peer) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).peerId().equals(peer)) {
        return names.get(i) + " (" + MarketText.shortId(peer.base58()) + ")";
      }
    }
    return peer.base58();
  }

  private String label(String account) {
    String owner = account.substring(account.indexOf(':') + 1);
    Optional<PeerId> peer = PeerId.parse(owner);
    return peer.map(this::who).orElse(owner);
  }

  private static long balance(MarketDump dump, String account) {
    return dump.accounts().getOrDefault(account, 0L);
  }

  private void step(int n, String text) {
    say("[" + n + "/" + STEPS + "] " + text);
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }

  private static void sleep(long ms) throws DemoFailure {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted");
    }
  }

  /** A step of the demo did not hold; the message says which and why. */
  static final class DemoFailure extends Exception {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
      super(message);
    }
  }
}
