package io.gyre.cli.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.GyreRun;
import io.gyre.cli.TestPeer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gyre market` against a real peer that runs the marketplace: the operator funds its own peer,
 * which offers a unit and opens a deal for a WASM file, deposits and cancels; reads in text and
 * JSON; each mistake one line with its exit code.
 */
class MarketCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir static Path dir;
  private static TestPeer peer;
  private static Path module;

  @BeforeAll
  static void startPeer() throws Exception {
    peer =
        TestPeer.start(
            dir.resolve("peer"),
            Map.of(
                "gyre.node.market.enabled", "on",
                "gyre.node.market.epoch-length", "30s",
                "gyre.node.market.puzzle.memory-kib", "64"));
    module = dir.resolve("greeting.wasm");
    try (InputStream in = MarketCommandTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      Files.write(module, in.readAllBytes());
    }
  }

  @AfterAll
  static void stopPeer() {
    peer.close();
  }

  private static GyreRun market(String... args) {
    List<String> all = new ArrayList<>(List.of("market"));
    all.addAll(List.of(args));
    all.addAll(List.of("--peer", peer.url(), "--data-dir", peer.dataDir().toString()));
    return GyreRun.gyre(all.toArray(String[]::new));
  }

  private static String ok(GyreRun run) {
    assertEquals(0, run.exitCode(), run.out() + run.err());
    return run.out();
  }

  @Test
  void aProviderAndADeveloperGoThroughOneDeal() throws Exception {
    String self = peer.node().peerId().base58();
    assertTrue(ok(market("fund", self, "1000")).contains("wallet of " + self + ": 1000"));
    assertEquals("offer-0", ok(market("offer", "--price", "10", "--collateral", "100")).strip());
    assertEquals(
        "deal-0",
        ok(market(
                "deal",
                "--blueprint",
                "greeting",
                "--wasm",
                module.toString(),
                "--max-price",
                "10",
                "--target",
                "1",
                "--epochs",
                "5",
                "--deposit",
                "100"))
            .strip());
    assertTrue(ok(market("offers")).contains("offer-0  provider " + self), "offers");
    String status = ok(market("status", "deal-0"));
    assertTrue(status.startsWith("deal-0  ACTIVE  escrow 100"), status);
    assertTrue(status.contains("unit       offer-0/0 on peer " + self), status);
    JsonNode deals = MAPPER.readTree(ok(market("deals", "--json")));
    assertEquals("greeting", deals.path("deals").path(0).path("blueprint").asText());
    assertEquals("deal-0 escrow 150", ok(market("deposit", "deal-0", "50")).strip());
    String ledger = ok(market("ledger"));
    assertTrue(ledger.contains("escrow:deal-0"), ledger);
    assertTrue(
        ledger.lines().anyMatch(l -> l.contains("total") && l.strip().endsWith(" 0")), ledger);
    assertTrue(ok(market("cancel", "deal-0")).startsWith("deal-0 cancelled; refunded "));
    assertTrue(ok(market("status", "deal-0")).startsWith("deal-0  ENDED (CANCELLED)"));
    String withdrew = ok(market("withdraw", "--from", "wallet", "1")).strip();
    assertTrue(withdrew.matches("withdrew 1 from wallet, \\d+ left"), withdrew);
    GyreRun tooMuch = market("withdraw", "1000000");
    assertEquals(1, tooMuch.exitCode(), tooMuch.err());
    assertTrue(tooMuch.err().startsWith("gyre market withdraw: INSUFFICIENT_FUNDS"), tooMuch.err());
  }

  @Test
  void mistakesAreOneLineEach() {
    GyreRun unknown = market("deposit", "deal-99", "10");
    assertEquals(1, unknown.exitCode(), unknown.err());
    assertEquals("gyre market deposit: UNKNOWN_DEAL: no deal deal-99", unknown.err().strip());
    GyreRun notAnId = market("status", "nonsense");
    assertEquals(2, notAnId.exitCode(), notAnId.err());
    assertTrue(notAnId.err().contains("'nonsense' is not a deal id (deal-N)"), notAnId.err());
    assertEquals(1, notAnId.err().strip().lines().count(), notAnId.err());
    GyreRun negative = market("fund", peer.node().peerId().base58(), "-5");
    assertTrue(
        negative.exitCode() != 0 && negative.err().contains("INVALID_AMOUNT"), negative.err());
    GyreRun noFile =
        market(
            "deal",
            "--blueprint",
            "x",
            "--wasm",
            dir.resolve("missing.wasm").toString(),
            "--max-price",
            "1",
            "--target",
            "1",
            "--epochs",
            "1",
            "--deposit",
            "2");
    assertEquals(2, noFile.exitCode());
    assertTrue(noFile.err().contains("no such file"), noFile.err());
  }
}
