package threadlab.benchmarks.gil;

/**
 * What JMH measured for one way to keep a count.
 *
 * @param label what was measured, as the table shows it
 * @param nanos nanoseconds per incref and decref pair
 * @param error the 99.9% confidence interval's half-width, in nanoseconds
 */
record Cost(String label, double nanos, double error) {
}
