package io.gyre.cli.chat;

/** What a line typed into the chat means: a message to post, or one of the slash commands. */
sealed interface TypedLine {
  record Post(String text) implements TypedLine {}

  record Quit() implements TypedLine {}

  record Who() implements TypedLine {}

  record Help() implements TypedLine {}

  record Nothing() implements TypedLine {}

  record Unknown(String command) implements TypedLine {}

  String HELP =
      "*** /who lists the members, /quit leaves the room, /help shows this; "
          + "anything else is posted (start with // to post a line that begins with /)";

  static TypedLine parse(String line) {
    String trimmed = line.strip();
    if (trimmed.isEmpty()) {
      return new Nothing();
    }
    if (trimmed.startsWith("//")) {
      return new Post(trimmed.substring(1));
    }
    if (!trimmed.startsWith("/")) {
      return new Post(trimmed);
    }
    return switch (trimmed.split("\\s+", 2)[0]) {
      case "/quit", "/exit", "/leave" -> new Quit();
      case "/who", "/members" -> new Who();
      case "/help", "/?" -> new Help();
      default -> new Unknown(trimmed.split("\\s+", 2)[0]);
    };
  }
}
