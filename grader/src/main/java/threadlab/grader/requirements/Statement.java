package threadlab.grader.requirements;

/**
 * A sentence of the task text, quoted in a requirements file.
 *
 * @param sentence the words, as the task text states them (markup may be left out)
 * @param where the file that states it, then what in it: {@code README.md, Task 3} or
 *     {@code PyThread.java, join(Duration)}
 * @param line the line of the requirements file that quotes it
 */
public record Statement(String sentence, String where, int line) {

    /**
     * The file that states the sentence, relative to the module's folder or its sources.
     *
     * @return the part of {@link #where()} before its first comma
     */
    public String file() {
        int comma = where.indexOf(',');
        return (comma < 0 ? where : where.substring(0, comma)).strip();
    }
}
