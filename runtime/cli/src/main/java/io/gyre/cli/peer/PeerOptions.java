package io.gyre.cli.peer;

import io.gyre.node.access.OperatorToken;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Which peer a command talks to and the operator's token for it: {@code --token}, else {@code
 * GYRE_TOKEN}, else the token file in {@code --data-dir} (default {@code ./data}, where {@code gyre
 * node} keeps it).
 */
public final class PeerOptions {
  @Option(
      names = "--peer",
      paramLabel = "URL",
      description = "The peer's HTTP API (default: ${DEFAULT-VALUE}).")
  URI peer = URI.create("http://127.0.0.1:7200");

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "The peer's HTTP token (default: $GYRE_TOKEN, else DATA_DIR/http.token).")
  Optional<String> token = Optional.empty();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The peer's data directory, to read its token from (default: ./data).")
  Path dataDir = Path.of("data");

  public PeerClient client() {
    return new PeerClient(peer, token(System::getenv));
  }

  /** The token chosen, with environment variables looked up in {@code environment}. */
  Optional<String> token(UnaryOperator<String> environment) {
    return token
        .or(() -> Optional.ofNullable(environment.apply("GYRE_TOKEN")).filter(t -> !t.isBlank()))
        .or(() -> OperatorToken.readFrom(dataDir));
  }
}
