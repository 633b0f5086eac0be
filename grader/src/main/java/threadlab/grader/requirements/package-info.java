/**
 * The rules each task states, read from the module's {@code requirements.yaml}: an id, the
 * sentence as the task text states it, where it says so, and how the hidden tests check it.
 */
package threadlab.grader.requirements;
