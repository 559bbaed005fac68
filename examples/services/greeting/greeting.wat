;; Greeting service in hand-written WAT (Gyre ABI).
;; greet(name) answers "Hello, <name>!"; caller() answers the call parameters the host passes in.
(module
  (import "gyre" "call_parameters" (func $call_parameters (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; A bump allocator above 1024. The host frees the result, then the arguments: the most recent
  ;; allocations first, so `free` of the block at the top moves the top back down and memory is
  ;; reused call after call.
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 0) "\"Hello, ")
  (data (i32.const 16) "!\"")

  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    ;; Grow memory when the bump pointer passes its end.
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow (i32.add (i32.div_u (local.get $size) (i32.const 65536)) (i32.const 1)))
              (i32.const -1))
          (then (return (i32.const 0))))))
    (local.get $ptr))

  (func (export "free") (param $ptr i32) (param $size i32)
    (if (i32.eq (i32.add (local.get $ptr) (local.get $size)) (global.get $heap))
      (then (global.set $heap (local.get $ptr)))))

  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or
      (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
      (i64.extend_i32_u (local.get $len))))

  ;; greet(["name"]): copies the text between the first and the last quote of the arguments,
  ;; escapes and all, between "Hello, and !".
  (func (export "greet") (param $args i32) (param $len i32) (result i64)
    (local $first i32) (local $last i32) (local $name_len i32) (local $out i32)
    (local.set $first (local.get $args))
    (block $found
      (loop $scan
        (br_if $found (i32.eq (i32.load8_u (local.get $first)) (i32.const 34)))
        (local.set $first (i32.add (local.get $first) (i32.const 1)))
        (br $scan)))
    (local.set $last (i32.sub (i32.add (local.get $args) (local.get $len)) (i32.const 1)))
    (block $found_last
      (loop $scan_back
        (br_if $found_last (i32.eq (i32.load8_u (local.get $last)) (i32.const 34)))
        (local.set $last (i32.sub (local.get $last) (i32.const 1)))
        (br $scan_back)))
    (local.set $name_len (i32.sub (local.get $last) (i32.add (local.get $first) (i32.const 1))))
    (local.set $out (call $alloc (i32.add (local.get $name_len) (i32.const 10))))
    (memory.copy (local.get $out) (i32.const 0) (i32.const 8))
    (memory.copy
      (i32.add (local.get $out) (i32.const 8))
      (i32.add (local.get $first) (i32.const 1))
      (local.get $name_len))
    (memory.copy (i32.add (i32.add (local.get $out) (i32.const 8)) (local.get $name_len))
      (i32.const 16) (i32.const 2))
    (call $pack (local.get $out) (i32.add (local.get $name_len) (i32.const 10))))

  ;; caller([]): the call parameters, as the host writes them (a JSON object).
  (func (export "caller") (param $args i32) (param $len i32) (result i64)
    (local $size i32) (local $out i32)
    (local.set $size (call $call_parameters (i32.const 0) (i32.const 0)))
    (local.set $out (call $alloc (local.get $size)))
    (drop (call $call_parameters (local.get $out) (local.get $size)))
    (call $pack (local.get $out) (local.get $size))))
