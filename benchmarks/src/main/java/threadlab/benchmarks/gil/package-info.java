/**
 * Module 2's benchmark: what a global interpreter lock does to CPU-bound and sleeping threads,
 * and what locking every reference count would cost instead. Run it with
 * {@code java -jar benchmarks/target/benchmarks.jar}; module 2's README shows a run.
 */
package threadlab.benchmarks.gil;
