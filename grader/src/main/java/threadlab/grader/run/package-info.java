/**
 * Running hidden tests in a JVM of their own, within time limits, from the trusted grader's side:
 * it starts the test JVM, reads its events, and decides each test's outcome. What runs inside the
 * test JVM is in {@code threadlab.grader.testjvm}.
 */
package threadlab.grader.run;
