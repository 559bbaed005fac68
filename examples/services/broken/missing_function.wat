;; Broken on purpose: the manifest promises `goodbye`, which the module does not export.
(module
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "free") (param i32 i32))
  (func (export "hello") (param i32 i32) (result i64) (i64.const 0)))
