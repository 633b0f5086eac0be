package threadlab.grader.it;

import java.util.stream.Stream;
import threadlab.grader.testing.BankVariant;

/** Every module's bank, for the tests and the benchmark that take all variants at once. */
final class Banks {

    private Banks() {
    }

    /**
     * Every variant of every module's bank: module 1, 2, then 3, wrong ones first in each.
     *
     * @return the variants
     */
    static Stream<BankVariant> all() {
        return Stream.of(KnownWrongRefcountIT.variants(), KnownWrongGilIT.variants(),
                KnownWrongThreadsIT.variants()).flatMap(s -> s);
    }
}
