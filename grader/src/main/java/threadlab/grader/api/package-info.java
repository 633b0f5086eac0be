/** What hidden tests may use from the grader: it reads their points from here. */
package threadlab.grader.api;
