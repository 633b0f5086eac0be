/**
 * The student's loop, measured: how long a student waits from saving a file to reading the
 * task's verdict, with the course's watch command.
 */
package threadlab.benchmarks.loop;
