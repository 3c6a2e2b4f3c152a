package app.kadr.storage;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible bucket that holds the blobs instead of the local disk ({@code kadr.s3.*}); a bucket name turns
 * it on.
 *
 * @param endpoint the service's address, e.g. {@code https://storage.yandexcloud.net} or a MinIO; empty means AWS
 * @param pathStyle addresses as {@code endpoint/bucket/key} (MinIO, Ceph and most self-hosted stores need it)
 * @param accessKey with {@code secretKey}: static credentials; empty means the SDK's usual chain (environment,
 *     instance profile)
 * @param presignedDownloads the owner's media is sent as a redirect to a short-lived signed address in the
 *     bucket instead of through Kadr
 * @param presignedLifetime how long such an address, and a direct upload's address, stays valid
 */
@ConfigurationProperties("kadr.s3")
record S3Settings(
        @Nullable String endpoint,
        @Nullable String bucket,
        @DefaultValue("us-east-1") String region,
        @Nullable String accessKey,
        @Nullable String secretKey,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("false") boolean presignedDownloads,
        @DefaultValue("10m") Duration presignedLifetime) {

    boolean configured() {
        return bucket != null && !bucket.isBlank();
    }
}
