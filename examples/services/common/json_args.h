/* Minimal JSON helpers for the example services: read an argument array, write JSON strings. */
#ifndef GYRE_JSON_ARGS_H
#define GYRE_JSON_ARGS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A growable output buffer for building JSON results. */
typedef struct {
  char *data;
  size_t len, cap;
} gyre_buf;

static inline void buf_put(gyre_buf *b, const char *s, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n) cap *= 2;
    b->data = realloc(b->data, cap);
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static inline void buf_puts(gyre_buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* Appends s as a JSON string literal, escaping what JSON requires. */
static inline void buf_json_string(gyre_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  buf_put(b, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      char esc[2] = {'\\', (char)c};
      buf_put(b, esc, 2);
    } else if (c < 0x20) {
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      buf_put(b, esc, 6);
    } else {
      buf_put(b, (const char *)&c, 1);
    }
  }
  buf_put(b, "\"", 1);
}

/* A cursor over the JSON array of arguments. */
typedef struct {
  const char *p, *end;
} json_cursor;

static inline void json_skip_ws(json_cursor *c) {
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

/* Steps over '[' or ',' before the next argument; returns 0 when there is none. */
static inline int json_next(json_cursor *c) {
  json_skip_ws(c);
  if (c->p < c->end && (*c->p == '[' || *c->p == ',')) {
    c->p++;
    json_skip_ws(c);
    return c->p < c->end && *c->p != ']';
  }
  return 0;
}

static inline int hexval(char h) {
  if (h >= '0' && h <= '9') return h - '0';
  if (h >= 'a' && h <= 'f') return h - 'a' + 10;
  if (h >= 'A' && h <= 'F') return h - 'A' + 10;
  return -1;
}

/*
 * Reads the next argument as a JSON string, unescaped into a fresh NUL-terminated buffer the
 * caller frees; *out_len gets its length. Returns NULL if the next argument is not a string.
 * \u escapes above U+007F become UTF-8.
 */
static inline char *json_next_string(json_cursor *c, size_t *out_len) {
  if (!json_next(c) || *c->p != '"') return NULL;
  c->p++;
  gyre_buf out = {0};
  while (c->p < c->end && *c->p != '"') {
    char ch = *c->p++;
    if (ch != '\\') {
      buf_put(&out, &ch, 1);
      continue;
    }
    if (c->p >= c->end) break;
    char e = *c->p++;
    switch (e) {
      case 'n': ch = '\n'; break;
      case 't': ch = '\t'; break;
      case 'r': ch = '\r'; break;
      case 'b': ch = '\b'; break;
      case 'f': ch = '\f'; break;
      case 'u': {
        unsigned cp = 0;
        for (int i = 0; i < 4 && c->p < c->end; i++) cp = cp * 16 + (unsigned)hexval(*c->p++);
        char utf8[3];
        if (cp < 0x80) {
          utf8[0] = (char)cp;
          buf_put(&out, utf8, 1);
        } else if (cp < 0x800) {
          utf8[0] = (char)(0xC0 | (cp >> 6));
          utf8[1] = (char)(0x80 | (cp & 0x3F));
          buf_put(&out, utf8, 2);
        } else {
          utf8[0] = (char)(0xE0 | (cp >> 12));
          utf8[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
          utf8[2] = (char)(0x80 | (cp & 0x3F));
          buf_put(&out, utf8, 3);
        }
        continue;
      }
      default: ch = e;
    }
    buf_put(&out, &ch, 1);
  }
  if (c->p < c->end) c->p++; /* closing quote */
  buf_put(&out, "", 1);
  *out_len = out.len - 1;
  return out.data;
}

/* Reads the next argument as a non-negative JSON integer; returns -1 if it is not one. */
static inline int64_t json_next_uint(json_cursor *c) {
  if (!json_next(c) || *c->p < '0' || *c->p > '9') return -1;
  int64_t v = 0;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9') v = v * 10 + (*c->p++ - '0');
  return v;
}

#endif
