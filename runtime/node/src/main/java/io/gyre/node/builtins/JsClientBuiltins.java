package io.gyre.node.builtins;

import io.gyre.air.CallResult;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.builtins.StandardBuiltins;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code op math cmp array json debug}: js-client 0.9.0's handlers ({@link StandardBuiltins}),
 * answer for answer, so compiled Aqua behaves on a peer as on the real client (e.g. {@code
 * math.div} floors, {@code math.rem} truncates).
 */
public final class JsClientBuiltins implements ServiceProvider {
  public static final Set<String> SERVICE_IDS =
      Set.of("op", "math", "cmp", "array", "json", "debug");

  private final Clock clock;
  private final Function<Duration, CompletionStage<Void>> delay;

  public JsClientBuiltins(Clock clock, Function<Duration, CompletionStage<Void>> delay) {
    this.clock = clock;
    this.delay = delay;
  }

  @Override
  public Optional<CompletionStage<CallResult>> call(ServiceCall call) {
    if (!SERVICE_IDS.contains(call.serviceId())) {
      return Optional.empty();
    }
    BuiltinReply reply =
        StandardBuiltins.call(
            call.serviceId(), call.functionName(), call.arguments(), clock.millis());
    if (reply.delayMs() == 0) {
      return Optional.of(CompletableFuture.completedFuture(reply.result()));
    }
    return Optional.of(
        delay.apply(Duration.ofMillis(reply.delayMs())).thenApply(done -> reply.result()));
  }
}
