;; A valid Gyre ABI module whose functions break the service limits, one limit each.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (global $calls (mut i32) (i32.const 0))

  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then (drop (memory.grow (i32.add (i32.div_u (local.get $size) (i32.const 65536)) (i32.const 1))))))
    (local.get $ptr))
  (func (export "free") (param i32 i32))

  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32))
            (i64.extend_i32_u (local.get $len))))

  ;; counter(): how many times it was called since the instance was made, as a JSON number.
  (func (export "counter") (param i32 i32) (result i64)
    (local $out i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (local.set $out (call $alloc (i32.const 1)))
    ;; one digit is enough for the tests
    (i32.store8 (local.get $out) (i32.add (i32.const 48) (i32.rem_u (global.get $calls) (i32.const 10))))
    (call $pack (local.get $out) (i32.const 1)))

  ;; spin(): loops forever (fuel, wall time).
  (func (export "spin") (param i32 i32) (result i64)
    (loop $forever (br $forever))
    (i64.const 0))

  ;; recurse(): calls itself without end (stack depth).
  (func $recurse (export "recurse") (param i32 i32) (result i64)
    (call $recurse (local.get 0) (local.get 1)))

  ;; hog(): grows memory a page at a time until refused, then traps (memory pages).
  (func (export "hog") (param i32 i32) (result i64)
    (loop $more
      (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    unreachable)

  ;; flood([n]): answers a JSON string of n 'x' characters, n taken from one digit (output size).
  (func (export "flood") (param $args i32) (param $len i32) (result i64)
    (local $n i32) (local $out i32)
    (local.set $n (i32.mul (i32.sub (i32.load8_u (i32.add (local.get $args) (i32.const 1))) (i32.const 48))
                           (i32.const 100000)))
    (local.set $out (call $alloc (i32.add (local.get $n) (i32.const 2))))
    (memory.fill (local.get $out) (i32.const 34) (i32.const 1))
    (memory.fill (i32.add (local.get $out) (i32.const 1)) (i32.const 120) (local.get $n))
    (memory.fill (i32.add (i32.add (local.get $out) (i32.const 1)) (local.get $n)) (i32.const 34) (i32.const 1))
    (call $pack (local.get $out) (i32.add (local.get $n) (i32.const 2))))

  ;; trap(): divides by zero.
  (func (export "trap") (param i32 i32) (result i64)
    (drop (i32.div_u (i32.const 1) (i32.const 0)))
    (i64.const 0))

  ;; garbage(): answers bytes that are not JSON.
  (func (export "garbage") (param i32 i32) (result i64)
    (local $out i32)
    (local.set $out (call $alloc (i32.const 3)))
    (i32.store8 (local.get $out) (i32.const 123))
    (i32.store8 (i32.add (local.get $out) (i32.const 1)) (i32.const 123))
    (i32.store8 (i32.add (local.get $out) (i32.const 2)) (i32.const 123))
    (call $pack (local.get $out) (i32.const 3)))

  ;; wild(): answers a pointer past the end of memory.
  (func (export "wild") (param i32 i32) (result i64)
    (i64.const 0x7fff000000000010)))
