package io.gyre.node.builtins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run-console.print}: writes its arguments to the peer's log (logger gyre.console). */
public final class ConsoleBuiltin {
  private static final Logger CONSOLE = LoggerFactory.getLogger("gyre.console");

  private ConsoleBuiltin() {}

  public static BuiltinService create() {
    return BuiltinService.named("run-console")
        .function(
            "print",
            call -> {
              CONSOLE.info(
                  "particle={} peer={} {}", call.particleId(), call.hostPeerId(), call.arguments());
              return PeerBuiltin.JSON.objectNode();
            })
        .build();
  }
}
