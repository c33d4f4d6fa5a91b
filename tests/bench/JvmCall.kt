package app.limber.bench

import app.limber.core.Dose
import app.limber.core.doseSummary
import app.limber.core.ffiProbe
import com.sun.jna.Memory
import com.sun.jna.Native
import com.sun.jna.Pointer

/**
 * Plain JNA direct mapping (`Native.register` + `external fun`) onto C-ABI functions of the
 * same library: the floor outside uniffi. uniffi's Kotlin bindings use direct mapping too;
 * what they add per call is the call status (a JNA `Structure` allocated, written and read
 * back on every call) and, for records and strings, the buffers that carry them.
 */
object Floor {
    init {
        Native.register(Floor::class.java, "limber_ffi")
    }

    /** Does nothing. */
    @JvmStatic external fun limber_ffi_floor_call()

    /** A dose as plain integers in, its summary as UTF-8 bytes out (length, or -1). */
    @JvmStatic external fun limber_ffi_floor_dose(
        holdSeconds: Int, reps: Int, sets: Int, perSide: Byte, minutes: Int, out: ByteArray, capacity: Int,
    ): Int

    /**
     * uniffi's own scaffolding function behind `ffiProbe()`, called directly with one call
     * status reused across calls (plain memory, not a `Structure`): uniffi's Rust side alone.
     */
    @JvmStatic external fun uniffi_limber_ffi_fn_func_ffi_probe(status: Pointer)
}

/**
 * Kotlin→Rust calls through the generated bindings against the floor outside uniffi, on the
 * JVM and the release library. Prints the times and `RATIO` lines (see the README's table).
 */
fun main() {
    val dose = Dose(holdSeconds = 30, reps = 3, sets = 1, perSide = true, minutes = null)
    val expected = doseSummary(dose)
    val out = ByteArray(256)
    // The call status uniffi's scaffolding writes: code (1 byte, padded to 8) + RustBuffer (24).
    val status = Memory(32).also { it.clear() }
    val floorDose = {
        val n = Floor.limber_ffi_floor_dose(30, 3, 1, 1, -1, out, out.size)
        String(out, 0, n, Charsets.UTF_8)
    }
    check(floorDose() == expected) { "the floor must do the same work: ${floorDose()} vs $expected" }

    fun timeIt(calls: Int, call: () -> Unit): Double {
        val start = System.nanoTime()
        repeat(calls) { call() }
        return (System.nanoTime() - start).toDouble() / calls
    }
    val calls = linkedMapOf<String, () -> Unit>(
        "plain JNA call, nothing in or out" to { Floor.limber_ffi_floor_call() },
        "uniffi scaffolding, call status reused" to { Floor.uniffi_limber_ffi_fn_func_ffi_probe(status) },
        "uniffi empty exported call (ffiProbe)" to { ffiProbe() },
        "plain JNA call, dose as integers, summary as bytes" to { check(floorDose().isNotEmpty()) },
        "uniffi small record call (doseSummary)" to { check(doseSummary(dose).isNotEmpty()) },
    )
    // Warm up the JIT and JNA's method lookups.
    repeat(3) { calls.values.forEach { timeIt(50_000, it) } }
    val rounds = (1..7).map { calls.mapValues { (_, call) -> timeIt(200_000, call) } }
    val median = calls.keys.associateWith { name -> rounds.map { it.getValue(name) }.sorted()[rounds.size / 2] }
    median.forEach { (name, ns) -> println("%-52s %8.0f ns".format(name, ns)) }
    val plain = median.getValue("plain JNA call, nothing in or out")
    val plainDose = median.getValue("plain JNA call, dose as integers, summary as bytes")
    val empty = median.getValue("uniffi empty exported call (ffiProbe)")
    val record = median.getValue("uniffi small record call (doseSummary)")
    val reused = median.getValue("uniffi scaffolding, call status reused")
    println("RATIO jvm_empty_call_vs_plain_jna: %.2f (uniffi empty call against a plain JNA call)".format(empty / plain))
    println("RATIO jvm_scaffolding_status_reused_vs_plain_jna: %.2f (uniffi's Rust side alone)".format(reused / plain))
    println("RATIO jvm_small_record_call_vs_plain_jna: %.2f (the same work through plain JNA)".format(record / plainDose))
    println("RATIO jvm_small_record_call: %.2f (against the uniffi empty call; target <= 2x)".format(record / empty))
}
