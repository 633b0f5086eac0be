package threadlab.threads;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.element.TypeElement;

/** Hostile: runs in the compiler if it may. */
@SupportedAnnotationTypes("*")
public final class Processor extends AbstractProcessor {

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(
                    "/tmp/threadlab-hostile-processor-ran.txt"), "ran in javac\n");
        } catch (java.io.IOException e) {
            // Keep going.
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
    }
}
