package app.limber.bench

import app.limber.core.Dose
import app.limber.core.doseSummary
import app.limber.core.ffiProbe

/**
 * A Kotlin→Rust call with a small record (a Dose in, its summary out) against an empty exported
 * call, both through the generated bindings and JNA. Prints the ratio (target: at most 2x).
 */
fun main() {
    val dose = Dose(holdSeconds = 30, reps = 3, sets = 1, perSide = true, minutes = null)
    fun timeIt(calls: Int, call: () -> Unit): Double {
        val start = System.nanoTime()
        repeat(calls) { call() }
        return (System.nanoTime() - start).toDouble() / calls
    }
    // Warm up the JIT and JNA's method lookups.
    repeat(3) {
        timeIt(50_000) { ffiProbe() }
        timeIt(50_000) { doseSummary(dose) }
    }
    val rounds = (1..7).map {
        val empty = timeIt(200_000) { ffiProbe() }
        val record = timeIt(200_000) { check(doseSummary(dose).isNotEmpty()) }
        Pair(empty, record)
    }
    val empty = rounds.map { it.first }.sorted()[rounds.size / 2]
    val record = rounds.map { it.second }.sorted()[rounds.size / 2]
    println("empty exported call: %.0f ns; small record call: %.0f ns".format(empty, record))
    println("RATIO jvm_small_record_call: %.2f (target <= 2x)".format(record / empty))
}
