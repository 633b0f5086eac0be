/**
 * Code that runs in the test JVM, beside the submission's code: the test JVM's main class, which
 * runs the hidden tests and reports each one to the grader, and the model checker that the hidden
 * tests use. Everything here must be assumed compromised once student code has run: the grader
 * trusts nothing it says beyond what {@code threadlab.grader.protocol} lets it check, and no
 * trusted package depends on this one ({@code ArchitectureTests} holds that line).
 */
package threadlab.grader.testjvm;
