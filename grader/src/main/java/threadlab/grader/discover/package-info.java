/** Finding the hidden tests and what each is worth, before any submission code runs. */
package threadlab.grader.discover;
