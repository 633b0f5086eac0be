/** Hostile: a named module for the student's code. */
open module threadlab.threads {
    requires jdk.attach;
    requires java.management;
    exports threadlab.threads;
}
