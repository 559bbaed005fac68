package io.gyre.cli.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/** The CLI's log lines on stderr: one line each, their stack traces only under --verbose. */
public final class Logs {
  private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

  private Logs() {}

  public static void configure(boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root.getAppender("STDERR") instanceof ConsoleAppender<ILoggingEvent> appender) {
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern(verbose ? PATTERN : PATTERN + "%nopex");
      encoder.start();
      appender.setEncoder(encoder);
    }
  }
}
