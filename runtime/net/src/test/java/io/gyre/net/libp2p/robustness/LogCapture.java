package io.gyre.net.libp2p.robustness;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what io.gyre.net logs, so a test can check that a refusal was said once, clearly. */
final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("io.gyre.net");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /** The formatted messages logged at WARN or above that contain {@code fragment}. */
  List<String> warnings(String fragment) {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
          .map(ILoggingEvent::getFormattedMessage)
          .filter(m -> m.contains(fragment))
          .toList();
    }
  }

  List<String> allWarnings() {
    return warnings("");
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
