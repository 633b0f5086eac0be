/** Compiling a submission's modules, one at a time, with the JDK's compiler. */
package threadlab.grader.compile;
