package dev.weft.benchmarks

/**
 * Kotlin's `sequence { yield(...) }`, the stackless generator Weft's is measured against: the same
 * values as GeneratorBenchmark's counter (0, 1, ..., 127, 0, ...), driven from Java through its Iterator.
 */
object KotlinSequences {
    @JvmStatic
    fun counter(): Iterator<Int> = sequence {
        var i = 0
        while (true) {
            yield(i)
            i = (i + 1) and 127
        }
    }.iterator()
}
