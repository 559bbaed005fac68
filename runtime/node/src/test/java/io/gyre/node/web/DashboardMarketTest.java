package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of a peer that runs the marketplace, in headless Chromium: the offer and the deal
 * the operator made through the HTTP API appear in the marketplace's tables.
 */
class DashboardMarketTest {
  @RegisterExtension
  static final PageExtension PAGE =
      new PageExtension(
          Map.of(
              "gyre.node.market.enabled", "on",
              // hour-long epochs: the deal stays as made while the page is read
              "gyre.node.market.epoch-length", "1h",
              "gyre.node.market.puzzle.memory-kib", "64",
              "gyre.node.market.puzzle.difficulty-bits", "3"),
          "provider");

  @Test
  void theOffersAndDealsOfThisPeersMarketplaceAreListed() throws Exception {
    String self = PAGE.page().node.peerId().base58();
    awaitMarketplace();
    assertEquals(
        200,
        PAGE.page()
            .post("/market/fund", "{\"peer\": \"" + self + "\", \"amount\": 1000}")
            .statusCode());
    HttpResponse<String> offer =
        PAGE.page().post("/market/offers", "{\"price\": 7, \"collateral\": 100}");
    assertEquals(201, offer.statusCode(), offer.body());
    HttpResponse<String> deal =
        PAGE.page()
            .post(
                "/market/deals",
                "{\"blueprint\": \"greeting\", \"wasm\": [\""
                    + Base64.getEncoder().encodeToString(PageUnderTest.greetingWasm())
                    + "\"], \"max_price\": 10, \"target\": 1, \"epochs\": 5, \"deposit\": 100}");
    assertEquals(201, deal.statusCode(), deal.body());

    PAGE.page().open();
    new WebDriverWait(PAGE.browser().driver, Duration.ofSeconds(30))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    PAGE.browser().driver.findElement(By.id("tab-dashboard")).click();
    WebElement offers =
        new WebDriverWait(PAGE.browser().driver, Duration.ofSeconds(30))
            .until(d -> d.findElement(By.cssSelector("#market-offers table.market.offers")));
    String offerRow = offers.findElement(By.cssSelector("tbody tr")).getText();
    assertTrue(offerRow.contains("offer-0"), offerRow);
    assertTrue(offerRow.contains(self), offerRow);
    WebElement deals =
        new WebDriverWait(PAGE.browser().driver, Duration.ofSeconds(30))
            .until(d -> d.findElement(By.cssSelector("#market-deals table.market.deals")));
    String dealRow = deals.findElement(By.cssSelector("tbody tr")).getText();
    assertTrue(dealRow.contains("deal-0"), dealRow);
    assertTrue(dealRow.contains("greeting"), dealRow);
  }

  /** The marketplace singleton opens a moment after the node: until then reads answer 503. */
  private static void awaitMarketplace() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int status = 0;
    while (System.nanoTime() < deadline) {
      status =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(PAGE.page().url("/market/offers"))).build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
      if (status == 200) {
        return;
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "the marketplace did not open within 60 s (last status " + status + ")");
  }
}
