package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing two looks at a folder finds every save. */
class SnapshotTests {

    @Test
    @DisplayName("a changed, an added and a deleted file are found; nothing else is")
    void findsChangedAddedAndDeletedFiles(@TempDir Path dir) throws IOException {
        Fixture.write(dir.resolve("a/A.java"), "class A {}");
        Fixture.write(dir.resolve("B.java"), "class B {}");
        Fixture.write(dir.resolve("C.java"), "class C {}");
        Snapshot before = Snapshot.of(dir);

        Fixture.write(dir.resolve("a/A.java"), "class A { }");
        Fixture.write(dir.resolve("D.java"), "class D {}");
        Files.delete(dir.resolve("C.java"));

        assertThat(Snapshot.of(dir).changedSince(before)).containsExactly(
                dir.resolve("C.java"), dir.resolve("D.java"), dir.resolve("a/A.java"));
        assertThat(Snapshot.of(dir).changedSince(Snapshot.of(dir))).isEmpty();
    }

    @Test
    @DisplayName("a folder that is not there holds nothing")
    void aMissingFolderHoldsNothing(@TempDir Path dir) {
        assertThat(Snapshot.of(dir.resolve("none")).changedSince(Snapshot.of(dir))).isEmpty();
    }
}
