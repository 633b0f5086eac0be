package threadlab.grader.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTests {

    @Test
    @DisplayName("a folder goes whole, with what a submission made read-only or unreadable in it")
    void lockedFolders(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path readOnly = Files.createDirectories(work.resolve("run/read-only"));
        Files.writeString(readOnly.resolve("kept.txt"), "x");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        Path closed = Files.createDirectories(work.resolve("run/closed"));
        Files.writeString(closed.resolve("kept.txt"), "x");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));

        Folders.deleteQuietly(work);

        assertThat(work).doesNotExist();
    }

    @Test
    @DisplayName("a link in the folder is deleted, and what it leads to is left alone")
    void linksAreNotFollowed(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
        Path outsideFolder = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outsideFolder.resolve("a.txt"), "keep me too");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(work.resolve("file-link"), outside);
        Files.createSymbolicLink(work.resolve("folder-link"), outsideFolder);

        Folders.deleteQuietly(work);

        assertThat(work).doesNotExist();
        assertThat(outside).hasContent("keep me");
        assertThat(outsideFolder.resolve("a.txt")).hasContent("keep me too");
    }
}
