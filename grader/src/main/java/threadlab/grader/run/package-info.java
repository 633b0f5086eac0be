/** Running hidden tests in a JVM of their own, within time limits. */
package threadlab.grader.run;
