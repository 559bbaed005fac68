/* A key-value store that keeps its state in linear memory across calls (Gyre ABI). */
#include "../common/gyre_abi.h"

typedef struct entry {
  char *key, *value;
  size_t key_len, value_len;
  struct entry *next;
} entry;

static entry *entries;
static uint32_t count;

static entry *find(const char *key, size_t key_len) {
  for (entry *e = entries; e; e = e->next)
    if (e->key_len == key_len && memcmp(e->key, key, key_len) == 0) return e;
  return NULL;
}

/* put(key: string, value: string) -> bool: true when the key is new. */
GYRE_EXPORT("put") uint64_t put(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  size_t key_len, value_len;
  char *key = json_next_string(&c, &key_len);
  char *value = key ? json_next_string(&c, &value_len) : NULL;
  if (!value) return gyre_fail("put expects two strings: key and value");
  entry *e = find(key, key_len);
  int fresh = e == NULL;
  if (fresh) {
    e = malloc(sizeof(entry));
    e->key = key;
    e->key_len = key_len;
    e->next = entries;
    entries = e;
    count++;
  } else {
    free(key);
    free(e->value);
  }
  e->value = value;
  e->value_len = value_len;
  static const char msg[] = "put";
  gyre_log(2, msg, sizeof msg - 1);
  return fresh ? gyre_return_copy("true", 4) : gyre_return_copy("false", 5);
}

/* get(key: string) -> ?string: [] when absent, [value] when present. */
GYRE_EXPORT("get") uint64_t get(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  size_t key_len;
  char *key = json_next_string(&c, &key_len);
  if (!key) return gyre_fail("get expects one string: the key");
  entry *e = find(key, key_len);
  free(key);
  if (!e) return gyre_return_copy("[]", 2);
  gyre_buf b = {0};
  buf_puts(&b, "[");
  buf_json_string(&b, e->value, e->value_len);
  buf_puts(&b, "]");
  return gyre_return(b.data, b.len);
}

/* size() -> u32: how many keys are stored. */
GYRE_EXPORT("size") uint64_t size(const char *args, int32_t len) {
  (void)args;
  (void)len;
  char digits[12];
  int n = 0;
  uint32_t v = count;
  do {
    digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return gyre_return_copy(digits + sizeof digits - n, (size_t)n);
}
