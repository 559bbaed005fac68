;; Broken on purpose: a Gyre ABI module without the `alloc` export the host needs.
(module
  (memory (export "memory") 1)
  (func (export "free") (param i32 i32))
  (func (export "hello") (param i32 i32) (result i64) (i64.const 0)))
