;; A WASI command that writes to stderr and exits with status 3.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "something went wrong\n")
  (func (export "_start")
    ;; one iovec at 0: {buf = 64, len = 21}
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 21))
    (drop (call $fd_write (i32.const 2) (i32.const 0) (i32.const 1) (i32.const 32)))
    (call $proc_exit (i32.const 3))))
