package io.gyre.cli.node;

import io.gyre.node.config.NodeSettings;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

/** Why a node did not start, in one line that says what to do (the usual causes by name). */
final class StartFailure {
  private StartFailure() {}

  static String describe(RuntimeException error, NodeSettings settings) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    boolean portTaken =
        chain.stream()
            .anyMatch(
                t ->
                    t instanceof BindException
                        || String.valueOf(t.getMessage()).contains("Address already in use"));
    if (portTaken && String.valueOf(error.getMessage()).startsWith("HTTP API")) {
      return "the HTTP port "
          + settings.http().host()
          + ":"
          + settings.http().port()
          + " is in use (another peer?); pick another with --http-port";
    }
    if (portTaken) {
      return "the cluster port "
          + settings.host()
          + ":"
          + settings.clusterPort()
          + " is in use (another peer?); pick another with --cluster-port";
    }
    if (chain.stream().anyMatch(t -> String.valueOf(t.getMessage()).contains("already in use"))) {
      return "the database in "
          + settings.dataDir().resolve("db")
          + " is in use by another process (is a peer already running on --data-dir "
          + settings.dataDir()
          + "?)";
    }
    return String.valueOf(error.getMessage());
  }
}
