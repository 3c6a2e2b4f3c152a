package app.kadr.asset;

import app.kadr.shared.KadrProperties;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Upload parts are written inside the data folder ({@code <data dir>/tmp/multipart}), not in the system's temp
 * folder: what a crash leaves there is removed with the studio's other temp files at start, it counts against the
 * data folder's disk, and taking a checked part into the store is a rename on the same file system.
 */
@Configuration
class UploadParts {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, KadrProperties properties)
            throws IOException {
        Path location = properties
                .dataDir()
                .resolve("tmp")
                .resolve("multipart")
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(location);
        multipart.setLocation(location.toString());
        return multipart.createMultipartConfig();
    }

    /** The start-up clean-up of the temp folder may remove the parts' folder; Tomcat then makes it again. */
    @Bean
    TomcatContextCustomizer uploadFolderMadeOnDemand() {
        return context -> context.setCreateUploadTargets(true);
    }
}
