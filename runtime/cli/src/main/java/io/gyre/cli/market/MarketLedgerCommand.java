package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `gyre market ledger`: Every account with money in it (wallets, escrows, earnings, collateral,
 * slashed).
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description =
        "Every account with money in it (wallets, escrows, earnings, collateral, slashed).")
public final class MarketLedgerCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode answer = market.get("/market/ledger");
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> MarketText.ledger(out, answer));
    return 0;
  }
}
