package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {
  /** RFC 4648 section 10's vectors, in lower case and without the padding multibase leaves out. */
  @ParameterizedTest
  @CsvSource({
    "'',''",
    "f,my",
    "fo,mzxq",
    "foo,mzxw6",
    "foob,mzxw6yq",
    "fooba,mzxw6ytb",
    "foobar,mzxw6ytboi"
  })
  void encodesTheRfcVectors(String text, String base32) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertEquals(base32, Base32.encode(bytes));
    assertArrayEquals(bytes, Base32.decode(base32));
  }

  @Property
  void decodeUndoesEncode(@ForAll @Size(max = 80) byte[] bytes) {
    assertArrayEquals(bytes, Base32.decode(Base32.encode(bytes)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MZXW6", // upper case is multibase's other base32
        "mzxw6=", // padding
        "mzx1", // '1' is not in the alphabet
        "m", // five bits make no byte
        "mz", // "f" is "my": the spare bits of "mz" are not zero
      })
  void refusesTextNoCanonicalEncoderWrites(String text) {
    assertThrows(IllegalArgumentException.class, () -> Base32.decode(text));
  }
}
