package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `gyre market offers`: Every offer: provider, price, collateral, its units and the deals they
 * serve.
 */
@Command(
    name = "offers",
    mixinStandardHelpOptions = true,
    description = "Every offer: provider, price, collateral, its units and the deals they serve.")
public final class MarketOffersCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode answer = market.get("/market/offers");
    PrintWriter out = spec.commandLine().getOut();
    market.print(out, answer, () -> MarketText.offers(out, answer));
    return 0;
  }
}
