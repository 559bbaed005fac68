;; Broken on purpose: imports a WASI function that would make calls depend on the machine.
(module
  (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")))
