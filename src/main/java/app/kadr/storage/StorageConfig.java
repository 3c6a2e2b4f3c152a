package app.kadr.storage;

import app.kadr.shared.KadrProperties;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the store: a bucket when one is configured ({@code KADR_S3_BUCKET}), otherwise the local disk. */
@Configuration
class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    @Bean
    TempFolder tempFolder(KadrProperties properties) throws IOException {
        return new TempFolder(properties.dataDir());
    }

    @Bean
    LocalCopies localCopies(TempFolder tmp) throws IOException {
        return new LocalCopies(tmp.path());
    }

    @Bean
    BlobStore blobStore(KadrProperties properties, S3Settings s3, TempFolder tmp, LocalCopies copies)
            throws IOException {
        if (s3.configured()) {
            log.info("Blobs are kept in bucket {} at {}", s3.bucket(), s3.endpoint() == null ? "AWS" : s3.endpoint());
            return new S3BlobStore(s3, tmp.path(), copies);
        }
        return new LocalBlobStore(properties.dataDir().resolve("blobs"), tmp.path());
    }
}
