/**
 * What hidden tests may use from the grader: it reads their points from here, carries the lines
 * they saw printed to the reports, and takes their failed checks as verdicts in fields
 * ({@link threadlab.grader.api.VerdictError}).
 */
package threadlab.grader.api;
