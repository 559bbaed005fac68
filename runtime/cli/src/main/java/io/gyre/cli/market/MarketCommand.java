package io.gyre.cli.market;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `gyre market`: the compute marketplace through a peer's HTTP API, and its demo. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    description = "Offers, deals and the ledger of the cluster's marketplace (a peer's HTTP API).",
    subcommands = {
      MarketOffersCommand.class,
      MarketDealsCommand.class,
      MarketStatusCommand.class,
      MarketLedgerCommand.class,
      MarketOfferCommand.class,
      MarketDealCommand.class,
      MarketDepositCommand.class,
      MarketCancelCommand.class,
      MarketFundCommand.class,
      MarketWithdrawCommand.class,
      MarketDemoCommand.class
    })
public final class MarketCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
