/*
 * The chat bot's brain (Gyre ABI): answers chat commands — /hash TEXT, /calc EXPR, /peers, /help —
 * and stays silent on anything else. Deterministic, so every replica of the bot answers the same.
 */
#include <stdio.h>

#include "../common/gyre_abi.h"
#include "../common/sha256.h"

#define MAX_EXPR 200
#define MAX_DEPTH 32

static const char HELP[] =
    "commands: /hash TEXT (SHA-256 of TEXT), /calc EXPR (+ - * / % and parentheses), "
    "/peers (the cluster's peers), /help";

/* A recursive-descent calculator over doubles; depth-bounded, every error names its column. */
typedef struct {
  const char *p, *start, *end;
  int depth;
  char error[96];
} calc;

static double expr(calc *c);

static void skip(calc *c) {
  while (c->p < c->end && *c->p == ' ') c->p++;
}

static double fail_at(calc *c, const char *what) {
  if (!c->error[0]) {
    if (c->p < c->end)
      snprintf(c->error, sizeof c->error, "%s at column %d ('%c')", what, (int)(c->p - c->start) + 1, *c->p);
    else
      snprintf(c->error, sizeof c->error, "%s at the end", what);
  }
  return 0;
}

static double primary(calc *c) {
  skip(c);
  if (c->p < c->end && *c->p == '(') {
    if (++c->depth > MAX_DEPTH) return fail_at(c, "too deeply nested");
    c->p++;
    double v = expr(c);
    skip(c);
    if (c->p >= c->end || *c->p != ')') return fail_at(c, "expected ')'");
    c->p++;
    c->depth--;
    return v;
  }
  if (c->p < c->end && *c->p == '-') {
    if (++c->depth > MAX_DEPTH) return fail_at(c, "too deeply nested");
    c->p++;
    double v = -primary(c);
    c->depth--;
    return v;
  }
  const char *digits = c->p;
  double v = 0, scale = 0;
  while (c->p < c->end && ((*c->p >= '0' && *c->p <= '9') || (*c->p == '.' && scale == 0))) {
    if (*c->p == '.') {
      scale = 1;
    } else if (scale > 0) {
      scale /= 10;
      v += (*c->p - '0') * scale;
    } else {
      v = v * 10 + (*c->p - '0');
    }
    c->p++;
  }
  if (c->p == digits) return fail_at(c, "expected a number");
  return v;
}

static double term(calc *c) {
  double v = primary(c);
  for (;;) {
    skip(c);
    if (c->error[0] || c->p >= c->end || (*c->p != '*' && *c->p != '/' && *c->p != '%')) return v;
    char op = *c->p++;
    double rhs = primary(c);
    if ((op == '/' || op == '%') && rhs == 0) return fail_at(c, "division by zero");
    v = op == '*' ? v * rhs : op == '/' ? v / rhs : v - rhs * (double)(long long)(v / rhs);
  }
}

static double expr(calc *c) {
  double v = term(c);
  for (;;) {
    skip(c);
    if (c->error[0] || c->p >= c->end || (*c->p != '+' && *c->p != '-')) return v;
    char op = *c->p++;
    double rhs = term(c);
    v = op == '+' ? v + rhs : v - rhs;
  }
}

static int starts(const char *text, size_t len, const char *word) {
  size_t n = strlen(word);
  return len >= n && memcmp(text, word, n) == 0 && (len == n || text[n] == ' ');
}

/* ["answer"]: the reply as an Aqua option holding one string. */
static void put_answer(gyre_buf *b, const char *text, size_t len) {
  buf_puts(b, "[");
  buf_json_string(b, text, len);
  buf_puts(b, "]");
}

static void answer_hash(gyre_buf *b, const char *text, size_t len) {
  uint8_t digest[32];
  sha256((const uint8_t *)text, len, digest);
  static const char digits[] = "0123456789abcdef";
  char line[8 + 64] = "sha256: ";
  for (int i = 0; i < 32; i++) {
    line[8 + 2 * i] = digits[digest[i] >> 4];
    line[8 + 2 * i + 1] = digits[digest[i] & 15];
  }
  put_answer(b, line, sizeof line);
}

static void answer_calc(gyre_buf *b, const char *text, size_t len) {
  if (len == 0 || len > MAX_EXPR) {
    static const char bad[] = "calc: give an expression of 1 to 200 characters, e.g. /calc (1 + 2) * 3";
    put_answer(b, bad, sizeof bad - 1);
    return;
  }
  calc c = {text, text, text + len, 0, {0}};
  double v = expr(&c);
  skip(&c);
  if (!c.error[0] && c.p < c.end) fail_at(&c, "unexpected character");
  char line[128];
  int n = c.error[0] ? snprintf(line, sizeof line, "calc: %s", c.error)
                     : snprintf(line, sizeof line, "%.12g", v);
  put_answer(b, line, (size_t)n);
}

/* Reads the second argument, a JSON array of strings, as "n peers: a, b, c". */
static void answer_peers(gyre_buf *b, json_cursor *c) {
  gyre_buf list = {0};
  int count = 0;
  if (json_next(c) && *c->p == '[') {
    json_cursor items = {c->p, c->end}; /* json_next_string steps over the '[' and each ',' */
    size_t len;
    char *peer;
    while ((peer = json_next_string(&items, &len))) {
      if (count++) buf_puts(&list, ", ");
      buf_put(&list, peer, len);
      free(peer);
    }
  }
  gyre_buf line = {0};
  char head[32];
  snprintf(head, sizeof head, "%d peer%s", count, count == 1 ? "" : "s");
  buf_puts(&line, head);
  if (count) {
    buf_puts(&line, ": ");
    buf_put(&line, list.data, list.len);
  }
  put_answer(b, line.data, line.len);
  free(list.data);
  free(line.data);
}

/* answer(text, peers) -> ?string: the reply to a command, [] for anything that is not one. */
GYRE_EXPORT("answer") uint64_t answer(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  size_t text_len;
  char *text = json_next_string(&c, &text_len);
  if (!text) return gyre_fail("answer expects the message text and the list of peers");
  gyre_buf b = {0};
  if (starts(text, text_len, "/hash")) {
    size_t skip = text_len > 5 ? 6 : 5;
    answer_hash(&b, text + skip, text_len - skip);
  } else if (starts(text, text_len, "/calc")) {
    size_t skip = text_len > 5 ? 6 : 5;
    answer_calc(&b, text + skip, text_len - skip);
  } else if (starts(text, text_len, "/peers")) {
    answer_peers(&b, &c);
  } else if (starts(text, text_len, "/help")) {
    put_answer(&b, HELP, sizeof HELP - 1);
  } else {
    buf_puts(&b, "[]");
  }
  free(text);
  return gyre_return(b.data, b.len);
}
