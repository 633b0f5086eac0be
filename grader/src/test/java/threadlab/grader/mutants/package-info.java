/**
 * Mutants of the reference solutions, graded through the real grader: the proof that the hidden
 * tests catch wrong solutions made mechanically, not only the ones someone thought of.
 *
 * <p>{@link threadlab.grader.mutants.MutantGenerator} reads each module's solution and skeleton
 * with JavaParser and mutates only what a student writes: the members that the solution adds or
 * changes. Provided code is not the student's. Its operators are two families:
 * <ul>
 *   <li>PIT's default group, under PIT's names and with PIT's semantics (CONDITIONALS_BOUNDARY,
 *       NEGATE_CONDITIONALS, INCREMENTS, INVERT_NEGS, MATH, VOID_METHOD_CALLS, EMPTY_RETURNS,
 *       FALSE_RETURNS, TRUE_RETURNS, NULL_RETURNS, PRIMITIVE_RETURNS), applied to source. PIT
 *       mutates bytecode and runs the tests in its own JVM; the grader grades sources: it
 *       compiles them with javac, checks the classes against the API allow-list and runs the
 *       hidden tests in a sandboxed test JVM. A bytecode mutant could take none of that path,
 *       so each operator makes in source the change PIT makes to the bytecode it compiles to.
 *       The JDK's compiler tells which calls are void, as PIT's VOID_METHOD_CALLS needs.</li>
 *   <li>The concurrency operators of Bradbury, Cordy and Dingel, "Mutation Operators for
 *       Concurrent Java (J2SE 5.0)" (2006): synchronized and volatile removed, one waiter woken
 *       instead of all, the unlock in a finally removed, a wait under {@code if} instead of
 *       {@code while}, an atomic read-modify-write split, a critical section shrunk, a
 *       statement moved across a lock, a timeout changed, a call to the GIL's own methods
 *       removed.</li>
 * </ul>
 *
 * <p>A mutant has a stable id ({@code m2-GlobalInterpreterLock-101-WAIT_WHILE_TO_IF-1}: module,
 * class, line, operator, ordinal), a one-line description and a unified diff against the
 * solution. One that does not compile is stillborn and is not graded.
 * {@link threadlab.grader.mutants.MutantGrading} grades the others as a class with the packaged
 * grader, several times; a mutant is killed when its module loses points every time. Two
 * reviewed lists ({@link threadlab.grader.mutants.ReviewedMutants}) name the mutants that no
 * correct test could tell from the solution, and the known survivors, which wait for the
 * race detector, the model checker or time under the test's control.
 * {@link threadlab.grader.mutants.AllMutants} grades them all; {@code MutantSampleIT} grades a
 * fixed sample in every build.
 *
 * <p>The likely-cause figure ({@link threadlab.grader.mutants.LikelyCauses}) says how many killed
 * mutants were told their own misconception by the likely cause of their first failed test. Each
 * concurrency operator names its misconception and the words of the course's causes for it
 * ({@link threadlab.grader.mutants.Operator#names()}): a lost update with no lock, visibility
 * without {@code volatile}, one waiter woken, an unlock not in a {@code finally}, a wait under
 * {@code if}, a read-then-write race, part of an update outside its lock, a wrong timeout, the
 * GIL's protocol skipped. PIT's operators change no concurrency: a PIT mutant breaks a method, so
 * its cause names its misconception when it names that method, a name on the lines the mutant
 * changed, or when the failed test checks a rule whose sentence names the method. The judge
 * reads words, not meaning: the command lists every miss with what its test said, to read.
 */
package threadlab.grader.mutants;
