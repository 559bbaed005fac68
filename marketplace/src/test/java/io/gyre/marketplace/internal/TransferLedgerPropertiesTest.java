package io.gyre.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.marketplace.ledger.Account;
import io.gyre.marketplace.ledger.Ledger;
import io.gyre.marketplace.ledger.Transfer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The ledger alone: random transfers, posted only when it allows them. */
class TransferLedgerPropertiesTest {
  private static final List<Account> ACCOUNTS =
      List.of(
          Account.OUTSIDE,
          Account.SLASHED,
          Account.wallet("a"),
          Account.wallet("b"),
          Account.escrow("deal-0"),
          Account.earnings("p"),
          Account.collateral("offer-0"));

  @Provide
  Arbitrary<List<long[]>> transfers() {
    return Combinators.combine(
            Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
            Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
            Arbitraries.oneOf(
                Arbitraries.longs().between(1, 1_000),
                Arbitraries.of(Long.MAX_VALUE, Long.MAX_VALUE / 2 + 1)))
        .as((from, to, amount) -> new long[] {from, to, amount})
        .list()
        .ofMaxSize(200);
  }

  @Property(tries = 300)
  void balancesAlwaysSumToZeroAndOnlyTheOutsideGoesNegative(
      @ForAll("transfers") List<long[]> moves) {
    Ledger ledger = Ledger.EMPTY;
    for (long[] move : moves) {
      Account from = ACCOUNTS.get((int) move[0]);
      Account to = ACCOUNTS.get((int) move[1]);
      if (from.equals(to)) {
        continue;
      }
      Transfer transfer = new Transfer(from, to, move[2], "t");
      if (ledger.problem(transfer).isEmpty()) {
        ledger = ledger.post(transfer);
      }
      long sum = 0;
      for (var entry : ledger.balances().entrySet()) {
        sum = Math.addExact(sum, entry.getValue());
        assertTrue(entry.getKey().mayGoNegative() || entry.getValue() >= 0, entry.toString());
      }
      assertEquals(0, sum);
    }
    assertEquals(ledger, Ledger.of(ledger.balances()));
  }
}
