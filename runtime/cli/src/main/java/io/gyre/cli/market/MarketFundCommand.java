package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `gyre market fund PEER AMOUNT`: the only way money enters the marketplace. */
@Command(
    name = "fund",
    mixinStandardHelpOptions = true,
    description = "Money into a peer's wallet from outside (the operator's token is required).")
public final class MarketFundCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PEER", description = "The peer id whose wallet is funded.")
  String peer;

  @Parameters(index = "1", paramLabel = "AMOUNT", description = "Minor units.")
  long amount;

  @Override
  public Integer call() {
    JsonNode answer =
        market.post("/market/fund", MarketOptions.object().put("peer", peer).put("amount", amount));
    PrintWriter out = spec.commandLine().getOut();
    market.print(
        out,
        answer,
        () -> out.println("wallet of " + peer + ": " + answer.path("wallet").asLong()));
    return 0;
  }
}
