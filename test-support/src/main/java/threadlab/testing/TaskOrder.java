package threadlab.testing;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * Runs test classes in the order of their {@code @Tag("task:N")}: task 1 first. Build tools and
 * IDEs then show them in the order a student works. Classes without a task tag come after, in the
 * order they were found.
 */
public final class TaskOrder implements ClassOrderer {

    private static final String TASK_TAG = "task:";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<? extends ClassDescriptor> classes = context.getClassDescriptors();
        classes.sort(Comparator.comparingInt(c -> task(c.getTestClass())));
    }

    /**
     * The task a test class belongs to.
     *
     * @param testClass the test class
     * @return the number of its first task tag, or {@link Integer#MAX_VALUE} if it has none
     */
    static int task(Class<?> testClass) {
        for (Tag tag : testClass.getAnnotationsByType(Tag.class)) {
            String value = tag.value();
            if (value.startsWith(TASK_TAG)) {
                try {
                    return Integer.parseInt(value.substring(TASK_TAG.length()));
                } catch (NumberFormatException e) {
                    return Integer.MAX_VALUE;
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
