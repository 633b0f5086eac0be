/**
 * A small model checker for the hidden tests, which runs in the test JVM beside the
 * submission: it runs a scenario of a few threads once for each interleaving of their steps,
 * fewest thread switches first, and shows the interleaving that broke it.
 *
 * <p>A step is a read or a write of a field, a call to an atomic class, or taking a lock, in the
 * exercise's own classes. An agent given to the test JVM ({@link Agent}) rewrites those classes
 * as they load, so that each step first asks the checker ({@link Hooks}) whose turn it is. Outside
 * a model check the hooks return at once.
 */
package threadlab.grader.testjvm.modelcheck;
