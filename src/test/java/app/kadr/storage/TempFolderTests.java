package app.kadr.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFolderTests {

    @TempDir
    Path data;

    @Test
    void whatThePreviousRunLeftInTheTempFolderIsGoneAtStartAndTheUploadPartsFolderIsThere() throws IOException {
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        Files.writeString(tmp.resolve("blob-1.part"), "half a file");
        Files.writeString(Files.createDirectories(tmp.resolve("work-7/deep")).resolve("frame.png"), "x");
        Files.writeString(Files.createDirectories(tmp.resolve("multipart")).resolve("upload_1.tmp"), "part");
        Path blob = Files.writeString(
                Files.createDirectories(data.resolve("blobs/ab/cd")).resolve("kept.jpg"), "k");

        TempFolder folder = new TempFolder(data);

        assertThat(folder.path()).isEqualTo(tmp.toAbsolutePath());
        try (var left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(tmp.resolve("multipart")).isDirectory();
        assertThat(blob).exists();
    }
}
