/**
 * Text that students choose (names, exception messages, printed lines, thread names), made safe
 * for every report the grader writes. A leaf package: it uses no other part of the grader.
 */
package threadlab.grader.text;
