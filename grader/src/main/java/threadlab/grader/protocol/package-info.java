/**
 * The contract between the trusted grader and the untrusted test JVM: the events a test JVM
 * sends (a failed test's verdict in fields among them), how they travel over its standard output
 * behind the run's secret, how the hidden tests are asked for, and how text the submission wrote
 * is made safe to carry. Both sides use it; it depends on neither.
 */
package threadlab.grader.protocol;
