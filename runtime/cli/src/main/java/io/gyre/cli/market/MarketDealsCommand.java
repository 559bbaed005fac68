package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `gyre market deals`: Every deal: status, escrow, epochs served, its units. */
@Command(
    name = "deals",
    mixinStandardHelpOptions = true,
    description = "Every deal: status, escrow, epochs served, its units.")
public final class MarketDealsCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode answer = market.get("/market/deals");
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> MarketText.deals(out, answer));
    return 0;
  }
}
