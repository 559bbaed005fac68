/*
 * A facade over the greeting module (Gyre ABI): it imports greeting's `greet` by the helper's
 * import name, and the host copies the JSON across the two modules' memories.
 */
#include "../common/gyre_abi.h"

__attribute__((import_module("greeting"), import_name("greet"))) uint64_t greet(const char *args,
                                                                             int32_t len);

/* shout(name: string) -> string: greeting's greeting, in capitals. */
GYRE_EXPORT("shout") uint64_t shout(const char *args, int32_t len) {
  uint64_t packed = greet(args, len);
  char *result = (char *)(uintptr_t)(packed >> 32);
  size_t result_len = (size_t)(uint32_t)packed;
  for (size_t i = 0; i < result_len; i++) {
    if (result[i] == '\\') {
      i += result[i + 1] == 'u' ? 5 : 1; /* leave escapes as they are */
      continue;
    }
    if (result[i] >= 'a' && result[i] <= 'z') result[i] = (char)(result[i] - 'a' + 'A');
  }
  return gyre_return(result, result_len);
}
