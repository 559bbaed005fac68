package io.gyre.cli.demo;

import io.gyre.node.GyreNode;
import io.gyre.node.access.OperatorToken;
import java.io.PrintWriter;
import java.util.List;

/**
 * The demo's closing lines: where a user goes next — the playground each peer serves, and the P2P
 * chat on the same peers (once they are stopped, the bot too: it needs a marketplace, which the
 * demo's peers do not run). With the peers still running they name the real addresses.
 */
final class NextSteps {
  private static final String ROOM = "lobby";
  private final PrintWriter out;

  NextSteps(PrintWriter out) {
    this.out = out;
  }

  /** The peers are up: their playground URLs (with the operator's token) and chat commands. */
  void forRunning(List<GyreNode> nodes) {
    out.println("next:");
    GyreNode first = nodes.get(0);
    first
        .httpAddress()
        .ifPresent(
            a ->
                out.println(
                    "  playground  open http://"
                        + a.getHostString()
                        + ":"
                        + a.getPort()
                        + "/#token="
                        + OperatorToken.readFrom(first.settings().dataDir()).orElse("")
                        + "  (edit Aqua, run it, see the particle's path; dashboard tab)"));
    for (int i = 0; i < Math.min(2, nodes.size()); i++) {
      nodes.get(i).clientAddresses().stream()
          .filter(a -> !a.toString().contains("/ws"))
          .findFirst()
          .ifPresent(a -> out.println("  chat        ./gyre chat --room " + ROOM + " --via " + a));
    }
    out.println("  (two chat windows on two relays talk to each other; /quit leaves)");
    out.flush();
  }

  /** The peers are gone: how to get a cluster that stays, and where the apps are described. */
  void forStopped() {
    out.println("next:");
    out.println(
        "  ./gyre demo --stay     keeps these peers up and prints their playground URL and chat"
            + " commands");
    out.println(
        "  ./gyre node --data-dir data/peer1   prints 'open http://127.0.0.1:7200/#token=…'"
            + " (playground)");
    out.println(
        "  ./gyre chat --room "
            + ROOM
            + " --via /ip4/127.0.0.1/tcp/7400/p2p/<peer id>   (examples/chat/README.md)");
    out.println(
        "  ./gyre bot --room "
            + ROOM
            + " --via /ip4/127.0.0.1/tcp/7400/p2p/<peer id> --fund   (a bot on a marketplace"
            + " deal; needs a market node and providers: examples/bot/README.md)");
    out.flush();
  }
}
