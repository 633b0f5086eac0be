package threadlab.grader.allowlist;

/**
 * One use of an API by a compiled class.
 *
 * @param owner the class used, by binary name ({@code java.lang.Thread$State})
 * @param member the member used ({@code <init>} for a constructor), or {@code null} where the
 *     class is only named as a type
 * @param where the source file and line, such as {@code Sleeper.java:31}, or the part of the
 *     class that names it where there is no line
 * @param line the source line, or -1 where there is none
 * @param classArgument for a method call whose first argument is a class literal, that class
 *     by binary name; else {@code null}
 */
record ApiUse(String owner, String member, String where, int line, String classArgument) {

    /**
     * The API as a student writes it: {@code java.lang.reflect.Field.setAccessible},
     * {@code new java.io.File}, or the class alone.
     *
     * @return the API
     */
    String shown() {
        String type = owner.replace('$', '.');
        if (member == null) {
            return type;
        }
        return member.equals("<init>") ? "new " + type : type + "." + member;
    }
}
