package io.gyre.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.net.Multiaddr;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre demo --stay`'s closing lines name a playground that answers and a relay of the peer. */
class NextStepsTest {
  @TempDir Path dir;

  @Test
  void theLinesNameThePeersRealPlaygroundAndRelay() throws Exception {
    try (LocalNetwork network =
        LocalNetwork.start(dir, 1, Map.of(), Duration.ofSeconds(60), n -> {})) {
      GyreNode node = network.nodes().get(0);
      StringWriter printed = new StringWriter();
      new NextSteps(new PrintWriter(printed)).forRunning(network.nodes());
      String text = printed.toString();

      Matcher url = Pattern.compile("open (http://\\S+)/#token=(\\S+)").matcher(text);
      assertTrue(url.find(), text);
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url.group(1) + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), page.body());
      assertTrue(node.operatorToken().accepts(url.group(2)), "the printed token is the operator's");

      Matcher chat = Pattern.compile("gyre chat --room lobby --via (\\S+)").matcher(text);
      assertTrue(chat.find(), text);
      Multiaddr relay = Multiaddr.parse(chat.group(1));
      assertTrue(relay.toString().endsWith("/p2p/" + node.peerId().base58()), relay.toString());
    }
  }
}
