/* A CPU-heavy service (Gyre ABI): mixes a 4 KiB buffer for the given number of rounds. */
#include "../common/gyre_abi.h"

#define WORDS 512

static uint64_t state[WORDS];

static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/* The digest of `rounds` passes over the buffer; the work is linear in rounds. */
static uint64_t spin_rounds(uint64_t rounds) {
  for (int i = 0; i < WORDS; i++) state[i] = mix((uint64_t)i + 1);
  uint64_t acc = 0x9e3779b97f4a7c15ULL;
  for (uint64_t r = 0; r < rounds; r++) {
    for (int i = 0; i < WORDS; i++) {
      acc = mix(acc ^ state[i]) + r;
      state[i] = acc;
    }
  }
  return acc;
}

/* spin(rounds: u32) -> string: the hex digest. */
GYRE_EXPORT("spin") uint64_t spin(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  int64_t rounds = json_next_uint(&c);
  if (rounds < 0) return gyre_fail("spin expects one non-negative integer: rounds");
  uint64_t h = spin_rounds((uint64_t)rounds);
  static const char hex[] = "0123456789abcdef";
  char out[18];
  out[0] = out[17] = '"';
  for (int i = 0; i < 16; i++) out[16 - i] = hex[(h >> (4 * i)) & 15];
  return gyre_return_copy(out, sizeof out);
}
