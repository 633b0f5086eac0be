/** Small helpers for the grader's own files. A leaf package: it uses no other grader package. */
package threadlab.grader.io;
