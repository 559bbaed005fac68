;; Broken on purpose: the manifest's `hello` is exported with (i32) -> i32, not (i32, i32) -> i64.
(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "free") (param i32 i32))
  (func (export "hello") (param i32) (result i32) (local.get 0)))
