/**
 * The student's loop: a command that stays running and, each time a Java file of an exercise
 * module is saved, compiles what changed and runs the visible tests of the task the student works
 * on, in a test JVM that warmed up since the last verdict. {@link threadlab.watch.Watch} is the
 * command, {@link threadlab.watch.TestJvm} the test JVM; DESIGN.md says why it works this way.
 */
package threadlab.watch;
