/*
 * Reads the clocks and the random source through WASI (a WASI command module) and prints them as
 * JSON. On Gyre the output is a function of the call: the particle's timestamp and a seed derived
 * from the particle id and the call's position.
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
  __wasi_timestamp_t realtime = 0, monotonic = 0;
  (void)__wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &realtime);
  (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &monotonic);
  uint8_t bytes[8];
  getentropy(bytes, sizeof bytes);
  printf("{\"realtime_ns\":%llu,\"monotonic_ns\":%llu,\"random\":\"",
         (unsigned long long)realtime, (unsigned long long)monotonic);
  for (int i = 0; i < 8; i++) printf("%02x", bytes[i]);
  printf("\"}\n");
  return 0;
}
