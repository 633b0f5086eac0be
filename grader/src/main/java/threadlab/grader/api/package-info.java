/**
 * What hidden tests may use from the grader: it reads their points from here, and carries the
 * lines they saw printed to the reports.
 */
package threadlab.grader.api;
