/** What the course is made of, as far as grading goes: its exercise modules. */
package threadlab.grader.course;
