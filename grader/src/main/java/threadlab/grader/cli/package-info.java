/** The grader's command line. */
package threadlab.grader.cli;
