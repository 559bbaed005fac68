package io.gyre.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a deal asks for, and bad settings refused in one line. */
class BotOptionsTest {
  @Test
  void theDepositPaysEveryReplicaForEveryEpoch() {
    BotOptions options = BotOptions.defaults().withReplicas(3, 2).withPrice(7).withEpochs(50);
    assertEquals(3 * 7 * 50, options.deposit());
  }

  @Test
  void aDepositTooLargeToCountIsRefused() {
    BotOptions options = BotOptions.defaults().withPrice(Long.MAX_VALUE / 2);
    assertThrows(ArithmeticException.class, options::deposit);
  }

  @Test
  void badSettingsNameWhatIsWrong() {
    assertEquals(
        "bot: replicas must be 1..16, not 0",
        assertThrows(IllegalArgumentException.class, () -> BotOptions.defaults().withReplicas(0, 1))
            .getMessage());
    assertEquals(
        "bot: minimum replicas must be 1..2, not 3",
        assertThrows(IllegalArgumentException.class, () -> BotOptions.defaults().withReplicas(2, 3))
            .getMessage());
    assertEquals(
        "bot: the price must be at least 1, not 0",
        assertThrows(IllegalArgumentException.class, () -> BotOptions.defaults().withPrice(0))
            .getMessage());
    assertEquals(
        "bot: durations must be positive, not PT0S",
        assertThrows(
                IllegalArgumentException.class,
                () -> BotOptions.defaults().withCallTtl(Duration.ZERO))
            .getMessage());
    assertEquals(
        "bot: durations must be positive, not PT-1S",
        assertThrows(
                IllegalArgumentException.class,
                () -> BotOptions.defaults().withRefreshInterval(Duration.ofSeconds(-1)))
            .getMessage());
  }
}
