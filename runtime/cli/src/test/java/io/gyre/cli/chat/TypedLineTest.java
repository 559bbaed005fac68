package io.gyre.cli.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypedLineTest {
  @Test
  void aLineIsPostedTrimmed() {
    assertEquals(new TypedLine.Post("hello there"), TypedLine.parse("  hello there "));
  }

  @Test
  void slashCommandsAreRecognisedWithTheirAliases() {
    assertEquals(new TypedLine.Quit(), TypedLine.parse("/quit"));
    assertEquals(new TypedLine.Quit(), TypedLine.parse("/exit"));
    assertEquals(new TypedLine.Who(), TypedLine.parse("/who"));
    assertEquals(new TypedLine.Help(), TypedLine.parse("/help"));
    assertEquals(new TypedLine.Unknown("/dance"), TypedLine.parse("/dance now"));
  }

  @Test
  void aDoubleSlashPostsALineThatBeginsWithASlash() {
    assertEquals(
        new TypedLine.Post("/quit is how you leave"), TypedLine.parse("//quit is how you leave"));
  }

  @Test
  void aBlankLineIsNothing() {
    assertEquals(new TypedLine.Nothing(), TypedLine.parse("   "));
  }
}
