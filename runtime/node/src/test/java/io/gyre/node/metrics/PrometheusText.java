package io.gyre.node.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4: every line is a HELP, a TYPE or a
 * sample of the family last typed; names, labels, escapes and values must be well-formed; a
 * histogram's buckets never decrease and its +Inf bucket equals its count. Any deviation throws.
 */
public final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\",?");

  /** The samples, by name and labels as written ({@code name{a="b"}}), and each family's type. */
  public record Exposition(Map<String, Double> samples, Map<String, String> types) {
    public double value(String sample) {
      Double value = samples.get(sample);
      if (value == null) {
        throw new AssertionError("no sample " + sample);
      }
      return value;
    }
  }

  private PrometheusText() {}

  public static Exposition parse(String text) {
    if (!text.endsWith("\n")) {
      throw new AssertionError("the exposition must end with a newline");
    }
    Map<String, Double> samples = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, Double> lastBucket = new HashMap<>();
    String family = null;
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      String where = "line " + lineNumber + ": " + line;
      Matcher help = HELP.matcher(line);
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (help.matches()) {
        continue;
      } else if (type.matches()) {
        if (types.put(type.group(1), type.group(2)) != null) {
          throw new AssertionError("a second TYPE for " + type.group(1) + " at " + where);
        }
        family = type.group(1);
      } else if (sample.matches()) {
        String name = sample.group(1);
        if (family == null || !belongsTo(name, family, types.get(family))) {
          throw new AssertionError("a sample outside its family (" + family + ") at " + where);
        }
        String labels = sample.group(3) == null ? "" : sample.group(3);
        Matcher label = LABEL.matcher(labels);
        int end = 0;
        while (label.find() && label.start() == end) {
          end = label.end();
        }
        if (end != labels.length()) {
          throw new AssertionError("malformed labels at " + where);
        }
        double value = value(sample.group(4), where);
        String key = sample.group(2) == null ? name : name + sample.group(2);
        if (samples.put(key, value) != null) {
          throw new AssertionError("a duplicate sample at " + where);
        }
        if (name.endsWith("_bucket")) {
          String series = key.replaceAll(",?le=\"[^\"]*\"", "").replace("{}", "");
          Double previous = lastBucket.put(series, value);
          if (previous != null && previous > value) {
            throw new AssertionError("a histogram bucket decreases at " + where);
          }
          if (key.contains("le=\"+Inf\"")) {
            lastBucket.put(series + "+Inf", value);
          }
        }
        if (name.endsWith("_count") && "histogram".equals(types.get(family))) {
          String series = key.replace("_count", "_bucket").replace("{}", "");
          Double inf = lastBucket.get(series + "+Inf");
          if (inf == null || inf.doubleValue() != value) {
            throw new AssertionError("_count differs from the +Inf bucket at " + where);
          }
        }
      } else if (!line.isEmpty()) {
        throw new AssertionError("not a HELP, TYPE or sample line: " + where);
      }
    }
    return new Exposition(samples, types);
  }

  private static boolean belongsTo(String name, String family, String type) {
    if (name.equals(family)) {
      return true;
    }
    return switch (type) {
      case "histogram" ->
          name.equals(family + "_bucket")
              || name.equals(family + "_count")
              || name.equals(family + "_sum")
              || name.equals(family + "_created");
      case "summary" ->
          name.equals(family + "_count")
              || name.equals(family + "_sum")
              || name.equals(family + "_created");
      case "counter" -> name.equals(family + "_created");
      default -> false;
    };
  }

  private static double value(String text, String where) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new AssertionError("not a number: " + where, e);
        }
    }
  }
}
