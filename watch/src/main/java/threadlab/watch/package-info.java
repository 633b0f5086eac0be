/**
 * The student's loop: a command that stays running and, each time a Java file of an exercise
 * module is saved, compiles what changed and runs the visible tests of the task the student works
 * on, in the same warm JVM, with a fresh class loader each time. {@link threadlab.watch.Watch} is
 * the command; DESIGN.md says why it works this way.
 */
package threadlab.watch;
