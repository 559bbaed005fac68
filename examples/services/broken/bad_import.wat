;; Broken on purpose: imports a host function no blueprint can allow.
(module
  (import "env" "system" (func $system (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (i32.const 1024))
  (func (export "free") (param i32 i32))
  (func (export "run") (param i32 i32) (result i64)
    (drop (call $system (local.get 0)))
    (i64.const 0)))
