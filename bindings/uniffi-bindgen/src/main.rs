//! The workspace's own `uniffi-bindgen`, built from the same uniffi version as the bindings, so the
//! generated Kotlin and Swift always match the scaffolding in `limber-ffi`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
