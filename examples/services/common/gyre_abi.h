/*
 * Gyre ABI helpers for services written in C (see wasm-host/README.md, "Gyre ABI").
 *
 * The host calls alloc(n) to get a buffer for the JSON array of arguments, calls the service
 * function with (ptr, len), reads the JSON result from the packed (ptr << 32 | len) it returns,
 * then frees both buffers with free(ptr, len).
 */
#ifndef GYRE_ABI_H
#define GYRE_ABI_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_args.h"

#define GYRE_EXPORT(name) __attribute__((export_name(name)))

GYRE_EXPORT("alloc") void *gyre_alloc(int32_t size) { return malloc(size > 0 ? (size_t)size : 1); }

GYRE_EXPORT("free") void gyre_free(void *ptr, int32_t size) {
  (void)size;
  free(ptr);
}

/* Logs a line into the call's log (host function gyre.log; needs the LOGGING capability). */
__attribute__((import_module("gyre"), import_name("log"))) void gyre_log(int32_t level,
                                                                        const char *ptr,
                                                                        int32_t len);

/* Hands a result buffer to the host; the host frees it with free(ptr, len). */
static inline uint64_t gyre_return(char *buf, size_t len) {
  return ((uint64_t)(uintptr_t)buf << 32) | (uint64_t)(uint32_t)len;
}

/* Copies len bytes into a fresh host-owned result buffer. */
static inline uint64_t gyre_return_copy(const char *json, size_t len) {
  char *buf = malloc(len ? len : 1);
  memcpy(buf, json, len);
  return gyre_return(buf, len);
}

/* Reports a service error (host function gyre.fail): the call fails with this message. */
__attribute__((import_module("gyre"), import_name("fail"))) void gyre_fail_import(const char *ptr,
                                                                              int32_t len);

static inline uint64_t gyre_fail(const char *why) {
  gyre_fail_import(why, (int32_t)strlen(why));
  return 0;
}

#endif
