/**
 * The rubric: what each hidden test is worth and when students see its result on Gradescope,
 * read from a YAML file that an instructor edits without rebuilding the grader.
 */
package threadlab.grader.rubric;
