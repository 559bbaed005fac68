/*
 * A chat room service (Gyre ABI): who is in each room, and each room's last 50 messages, kept in
 * linear memory across calls. The chat app (examples/chat) deploys it once per cluster and routes
 * every message through it, so a late joiner gets the history and the sender learns who to deliver
 * to. Bounded: 64 rooms, 64 members a room, 50 messages a room, 1,000 bytes a message.
 */
#include "../common/gyre_abi.h"

#define MAX_ROOMS 64
#define MAX_MEMBERS 64
#define HISTORY 50
#define MAX_TEXT 1000
#define MAX_NAME 128

typedef struct {
  char *peer_id, *relay_id, *nick;
  size_t peer_len, relay_len, nick_len;
} member;

typedef struct {
  uint64_t seq, ts;
  char *from, *nick, *text;
  size_t from_len, nick_len, text_len;
} message;

typedef struct {
  char *name;
  size_t name_len;
  member members[MAX_MEMBERS];
  uint32_t member_count;
  message history[HISTORY]; /* a ring: the oldest is at (next_seq % HISTORY) once full */
  uint64_t next_seq;
} room;

static room *rooms[MAX_ROOMS];
static uint32_t room_count;

static int same(const char *a, size_t a_len, const char *b, size_t b_len) {
  return a_len == b_len && memcmp(a, b, a_len) == 0;
}

static room *find_room(const char *name, size_t len) {
  for (uint32_t i = 0; i < room_count; i++)
    if (same(rooms[i]->name, rooms[i]->name_len, name, len)) return rooms[i];
  return NULL;
}

static int find_member(const room *r, const char *peer_id, size_t len) {
  for (uint32_t i = 0; i < r->member_count; i++)
    if (same(r->members[i].peer_id, r->members[i].peer_len, peer_id, len)) return (int)i;
  return -1;
}

static void put_member(gyre_buf *b, const member *m) {
  buf_puts(b, "{\"peer_id\":");
  buf_json_string(b, m->peer_id, m->peer_len);
  buf_puts(b, ",\"relay_id\":");
  buf_json_string(b, m->relay_id, m->relay_len);
  buf_puts(b, ",\"nick\":");
  buf_json_string(b, m->nick, m->nick_len);
  buf_puts(b, "}");
}

static void put_uint(gyre_buf *b, uint64_t v) {
  char digits[20];
  int n = 0;
  do {
    digits[sizeof digits - 1 - n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  buf_put(b, digits + sizeof digits - n, (size_t)n);
}

static void put_message(gyre_buf *b, const message *m) {
  buf_puts(b, "{\"seq\":");
  put_uint(b, m->seq);
  buf_puts(b, ",\"from\":");
  buf_json_string(b, m->from, m->from_len);
  buf_puts(b, ",\"nick\":");
  buf_json_string(b, m->nick, m->nick_len);
  buf_puts(b, ",\"text\":");
  buf_json_string(b, m->text, m->text_len);
  buf_puts(b, ",\"ts\":");
  put_uint(b, m->ts);
  buf_puts(b, "}");
}

static void put_members(gyre_buf *b, const room *r) {
  buf_puts(b, "[");
  for (uint32_t i = 0; i < r->member_count; i++) {
    if (i) buf_puts(b, ",");
    put_member(b, &r->members[i]);
  }
  buf_puts(b, "]");
}

/* The room's messages, oldest first. */
static void put_history(gyre_buf *b, const room *r) {
  uint64_t first = r->next_seq > HISTORY ? r->next_seq - HISTORY : 0;
  buf_puts(b, "[");
  for (uint64_t s = first; s < r->next_seq; s++) {
    if (s > first) buf_puts(b, ",");
    put_message(b, &r->history[s % HISTORY]);
  }
  buf_puts(b, "]");
}

static char *dup_bytes(const char *s, size_t n) {
  char *copy = malloc(n + 1);
  memcpy(copy, s, n);
  copy[n] = 0;
  return copy;
}

/* Reads n string arguments; 0 (with the strings freed) when one is missing or too long. */
static int read_strings(json_cursor *c, int n, char **out, size_t *lens, const size_t *max) {
  for (int i = 0; i < n; i++) {
    out[i] = json_next_string(c, &lens[i]);
    if (!out[i] || lens[i] == 0 || lens[i] > max[i]) {
      for (int j = 0; j <= i; j++) free(out[j]);
      return 0;
    }
  }
  return 1;
}

/* join(room, peer_id, relay_id, nick) -> RoomState: adds (or updates) the member. */
GYRE_EXPORT("join") uint64_t join(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  char *s[4];
  size_t l[4];
  const size_t max[4] = {MAX_NAME, MAX_NAME, MAX_NAME, MAX_NAME};
  if (!read_strings(&c, 4, s, l, max))
    return gyre_fail("join expects room, peer_id, relay_id and nick: non-empty strings of at most 128 bytes");
  room *r = find_room(s[0], l[0]);
  if (!r) {
    if (room_count == MAX_ROOMS) {
      for (int i = 0; i < 4; i++) free(s[i]);
      return gyre_fail("this service already holds 64 rooms");
    }
    r = calloc(1, sizeof(room));
    r->name = dup_bytes(s[0], l[0]);
    r->name_len = l[0];
    rooms[room_count++] = r;
  }
  int at = find_member(r, s[1], l[1]);
  if (at < 0) {
    if (r->member_count == MAX_MEMBERS) {
      for (int i = 0; i < 4; i++) free(s[i]);
      return gyre_fail("the room is full (64 members)");
    }
    at = (int)r->member_count++;
  } else {
    free(r->members[at].peer_id);
    free(r->members[at].relay_id);
    free(r->members[at].nick);
  }
  r->members[at] = (member){s[1], s[2], s[3], l[1], l[2], l[3]};
  free(s[0]);
  gyre_buf b = {0};
  buf_puts(&b, "{\"room\":");
  buf_json_string(&b, r->name, r->name_len);
  buf_puts(&b, ",\"members\":");
  put_members(&b, r);
  buf_puts(&b, ",\"history\":");
  put_history(&b, r);
  buf_puts(&b, "}");
  return gyre_return(b.data, b.len);
}

/* leave(room, peer_id) -> bool: true when the peer was a member. */
GYRE_EXPORT("leave") uint64_t leave(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  char *s[2];
  size_t l[2];
  const size_t max[2] = {MAX_NAME, MAX_NAME};
  if (!read_strings(&c, 2, s, l, max)) return gyre_fail("leave expects room and peer_id");
  room *r = find_room(s[0], l[0]);
  int at = r ? find_member(r, s[1], l[1]) : -1;
  free(s[0]);
  free(s[1]);
  if (at < 0) return gyre_return_copy("false", 5);
  free(r->members[at].peer_id);
  free(r->members[at].relay_id);
  free(r->members[at].nick);
  r->members[at] = r->members[--r->member_count];
  return gyre_return_copy("true", 4);
}

/* post(room, peer_id, text, ts) -> Message: only a member may post; the text is kept. */
GYRE_EXPORT("post") uint64_t post(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  char *s[3];
  size_t l[3];
  const size_t max[3] = {MAX_NAME, MAX_NAME, MAX_TEXT};
  if (!read_strings(&c, 3, s, l, max))
    return gyre_fail("post expects room, peer_id, a text of 1 to 1000 bytes, and ts");
  int64_t ts = json_next_uint(&c);
  room *r = find_room(s[0], l[0]);
  int at = r ? find_member(r, s[1], l[1]) : -1;
  free(s[0]);
  if (ts < 0 || at < 0) {
    free(s[1]);
    free(s[2]);
    return gyre_fail(ts < 0 ? "post expects ts: a non-negative integer"
                            : "only a member of the room may post: join first");
  }
  message *m = &r->history[r->next_seq % HISTORY];
  if (r->next_seq >= HISTORY) {
    free(m->from);
    free(m->nick);
    free(m->text);
  }
  const member *who = &r->members[at];
  *m = (message){r->next_seq++, (uint64_t)ts, s[1], dup_bytes(who->nick, who->nick_len), s[2],
                 l[1], who->nick_len, l[2]};
  gyre_buf b = {0};
  put_message(&b, m);
  return gyre_return(b.data, b.len);
}

/* members(room) -> []Member */
GYRE_EXPORT("members") uint64_t members(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  size_t l;
  char *name = json_next_string(&c, &l);
  if (!name) return gyre_fail("members expects the room's name");
  room *r = find_room(name, l);
  free(name);
  if (!r) return gyre_return_copy("[]", 2);
  gyre_buf b = {0};
  put_members(&b, r);
  return gyre_return(b.data, b.len);
}

/* history(room) -> []Message: the last 50, oldest first. */
GYRE_EXPORT("history") uint64_t history(const char *args, int32_t len) {
  json_cursor c = {args, args + len};
  size_t l;
  char *name = json_next_string(&c, &l);
  if (!name) return gyre_fail("history expects the room's name");
  room *r = find_room(name, l);
  free(name);
  if (!r) return gyre_return_copy("[]", 2);
  gyre_buf b = {0};
  put_history(&b, r);
  return gyre_return(b.data, b.len);
}
