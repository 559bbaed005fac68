/*
 * sha256 of its input, as a WASI command module: reads the JSON arguments ["text"] on stdin and
 * writes the hex digest of the text's UTF-8 bytes, as a JSON string, on stdout.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/json_args.h"
#include "../common/sha256.h"

int main(void) {
  size_t cap = 4096, len = 0, n;
  char *input = malloc(cap);
  while ((n = fread(input + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) input = realloc(input, cap *= 2);
  }
  json_cursor c = {input, input + len};
  size_t text_len;
  char *text = json_next_string(&c, &text_len);
  if (!text) {
    fprintf(stderr, "sha256 expects one string argument\n");
    return 2;
  }
  uint8_t digest[32];
  sha256((const uint8_t *)text, text_len, digest);
  printf("\"");
  for (int i = 0; i < 32; i++) printf("%02x", digest[i]);
  printf("\"\n");
  fprintf(stderr, "hashed %zu bytes\n", text_len);
  return 0;
}
