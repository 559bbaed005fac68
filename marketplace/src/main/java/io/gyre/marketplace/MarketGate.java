package io.gyre.marketplace;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The marketplace's front door (what the node runs as the cluster singleton): it starts the {@link
 * MarketActor} and hands it requests in batches — everything that arrived while the last batch was
 * being written goes in the next one, so one journal write carries many requests (group commit).
 * Requests are still decided one by one, in arrival order.
 */
public final class MarketGate extends AbstractBehavior<MarketActor.Command> {
  private static final String WRITE_TIMEOUT = "write-timeout";

  private final ActorRef<MarketActor.Command> market;
  private final int maxBatch;
  private final TimerScheduler<MarketActor.Command> timers;
  private List<MarketActor.Command> waiting = new ArrayList<>();
  private boolean writing;

  /**
   * @param marketId names the marketplace's journal ({@code gyre-market|marketId})
   */
  public static Behavior<MarketActor.Command> create(
      String marketId, MarketSettings settings, MarketPorts ports) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers ->
                    new MarketGate(
                        context,
                        timers,
                        context.spawn(MarketActor.create(marketId, settings, ports), "journal"))));
  }

  private MarketGate(
      ActorContext<MarketActor.Command> context,
      TimerScheduler<MarketActor.Command> timers,
      ActorRef<MarketActor.Command> market) {
    super(context);
    this.timers = timers;
    this.market = market;
    this.maxBatch = 1_000;
  }

  @Override
  public Receive<MarketActor.Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(MarketActor.BatchWritten.INSTANCE, this::onBatchWritten)
        .onMessageEquals(MarketActor.Tick.INSTANCE, this::onTick)
        .onMessage(MarketActor.Command.class, this::onCommand)
        .build();
  }

  private Behavior<MarketActor.Command> onCommand(MarketActor.Command command) {
    waiting.add(command);
    if (!writing) {
      sendBatch();
    }
    return this;
  }

  private Behavior<MarketActor.Command> onTick() {
    market.tell(MarketActor.Tick.INSTANCE);
    return this;
  }

  /** The batch is written — or its write failed and the marketplace restarted (timer). */
  private Behavior<MarketActor.Command> onBatchWritten() {
    timers.cancel(WRITE_TIMEOUT);
    writing = false;
    if (!waiting.isEmpty()) {
      sendBatch();
    }
    return this;
  }

  private void sendBatch() {
    List<MarketActor.Command> batch;
    if (waiting.size() <= maxBatch) {
      batch = waiting;
      waiting = new ArrayList<>();
    } else {
      batch = new ArrayList<>(waiting.subList(0, maxBatch));
      waiting = new ArrayList<>(waiting.subList(maxBatch, waiting.size()));
    }
    writing = true;
    timers.startSingleTimer(
        WRITE_TIMEOUT, MarketActor.BatchWritten.INSTANCE, Duration.ofSeconds(30));
    market.tell(new MarketActor.Batch(List.copyOf(batch), getContext().getSelf()));
  }
}
