/** Files and folders of a run: a leaf that every stage may use. */
package threadlab.grader.files;
