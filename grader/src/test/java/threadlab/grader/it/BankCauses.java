package threadlab.grader.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import threadlab.grader.mutants.LikelyCauses;
import threadlab.grader.testing.BankVariant;
import threadlab.grader.testing.GraderProcess;

/**
 * The likely-cause figure of the banks: each wrong variant, graded once as one class with the
 * packaged grader, is judged by the likely cause of its module's first failed test. Its bank
 * names the misconception in the words its failed tests must show ({@link BankVariant#fails});
 * the likely cause names it when it holds one of them. The mutants command prints it with
 * {@code --banks}.
 */
public final class BankCauses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIKELY = "Likely cause: ";

    private BankCauses() {
    }

    /**
     * Grades the wrong variants of the banks and judges their likely causes.
     *
     * @param module the module's number, or 0 for every module
     * @param jobs the grader's {@code --jobs}
     * @param work an empty folder for the class and its reports
     * @return the figure and the misses, to print
     * @throws Exception if the grader cannot grade the class
     */
    public static String figure(int module, int jobs, Path work) throws Exception {
        List<BankVariant> wrong = Banks.all().filter(v -> !v.isCorrect())
                .filter(v -> module == 0 || v.module().startsWith(String.format(
                        java.util.Locale.ROOT, "module-%02d-", module))).toList();
        Path classDir = work.resolve("class");
        Files.createDirectories(classDir);
        for (BankVariant variant : wrong) {
            variant.make(classDir.resolve(folder(variant)));
        }
        Path out = work.resolve("reports");
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(),
                TimeUnit.HOURS.toSeconds(2), "grade", classDir.toString(), "--out",
                out.toString(), "--jobs", String.valueOf(jobs));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the grader could not grade the banks (exit code "
                    + result.exitCode() + "):\n" + result.stdout() + result.stderr());
        }
        List<LikelyCauses.Judgement> judgements = new ArrayList<>();
        for (BankVariant variant : wrong) {
            JsonNode results = JSON.readTree(out.resolve(folder(variant)).resolve("results.json")
                    .toFile());
            LikelyCauses.judge(folder(variant), variant.module(), results, words(variant))
                    .ifPresent(judgements::add);
        }
        return LikelyCauses.render("wrong bank variants", judgements);
    }

    /** A variant's folder in the class: its module's number and its name. */
    static String folder(BankVariant variant) {
        return variant.module().substring(0, "module-0N".length()) + "-" + variant.name();
    }

    /** The words of a variant's misconception: what its failed tests must show. */
    private static List<String> words(BankVariant variant) {
        List<String> words = new ArrayList<>();
        for (BankVariant.Failing failing : variant.failing()) {
            for (String part : failing.feedback()) {
                words.add(part.startsWith(LIKELY) ? part.substring(LIKELY.length()) : part);
            }
        }
        return words;
    }
}
