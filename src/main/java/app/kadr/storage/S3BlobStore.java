package app.kadr.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Blobs in an S3-compatible bucket (AWS S3, MinIO, Ceph, Yandex Object Storage…) through the AWS SDK for Java v2.
 * An S3 PUT is atomic, so a blob is whole or absent here too. Bytes are staged in a file and sent with their
 * length, never held in memory; reads are streamed, byte ranges as ranged GETs.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    /** S3's limit for one PutObject (https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html). */
    static final long LARGEST_PUT = 5L * 1024 * 1024 * 1024;
    /**
     * S3's limits for a multipart upload (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html): at most
     * 10,000 parts, each but the last at least 5 MiB.
     */
    static final int MOST_PARTS = 10_000;

    static final long SMALLEST_PART = 5L * 1024 * 1024;
    /** Parts of a large file: big enough that a 2 GB video is 32 requests, small enough to resend one cheaply. */
    private static final long PART = 64L * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final boolean presignedDownloads;
    private final Path tmp;
    private final LocalCopies copies;
    private final String origin;
    /** Files larger than this are sent in parts; at most one PUT's limit. */
    private final long largestSinglePut;

    S3BlobStore(S3Settings settings, Path tmp, LocalCopies copies) throws IOException {
        this(settings, tmp, copies, LARGEST_PUT);
    }

    /** {@code largestSinglePut} smaller than S3's own limit lets a test send a few megabytes in parts. */
    S3BlobStore(S3Settings settings, Path tmp, LocalCopies copies, long largestSinglePut) throws IOException {
        this.largestSinglePut = Math.min(largestSinglePut, LARGEST_PUT);
        this.bucket = settings.bucket() == null ? "" : settings.bucket();
        this.presignedDownloads = settings.presignedDownloads();
        this.tmp = Files.createDirectories(tmp);
        this.copies = copies;
        AwsCredentialsProvider credentials = blank(settings.accessKey())
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), nonNull(settings.secretKey())));
        URI endpoint = blank(settings.endpoint()) ? null : URI.create(nonNull(settings.endpoint()));
        var client = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 demands them: many S3-compatible stores refuse the SDK's newer
                // default trailing checksums (aws-chunked bodies).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var signer = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        if (endpoint != null) {
            client.endpointOverride(endpoint);
            signer.endpointOverride(endpoint);
        }
        this.s3 = client.build();
        this.presigner = signer.build();
        // Signing is local: a sample address tells where the browser will send bytes (path or virtual-host style).
        URI sample = uri(presigner
                .presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                        .putObjectRequest(b -> b.bucket(bucket).key("origin")))
                .url());
        this.origin = sample.getScheme() + "://" + sample.getRawAuthority();
        ensureBucket();
    }

    /** A bucket that is not there yet is made, so a fresh MinIO needs no manual step. */
    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            log.info("Creating bucket {}", bucket);
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            log.info("Creating bucket {}", bucket);
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public String put(Path source, String extension) throws IOException {
        String key = BlobKeys.newKey(extension);
        upload(key, source);
        Files.delete(source);
        return key;
    }

    @Override
    public String write(InputStream source, String extension) throws IOException {
        String key = BlobKeys.newKey(extension);
        write(key, source);
        return key;
    }

    @Override
    public void write(String key, InputStream source) throws IOException {
        BlobKeys.check(key);
        Path staged = Files.createTempFile(tmp, "blob-", ".part");
        try {
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            upload(key, staged);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /**
     * One PUT with the file's length, or, above one PUT's limit (5 GB, which a raised {@code KADR_MAX_VIDEO_BYTES}
     * allows), a multipart upload: either way S3 shows the object whole or not at all.
     */
    private void upload(String key, Path file) throws IOException {
        long length = Files.size(file);
        try {
            if (length <= largestSinglePut) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(length), RequestBody.fromFile(file));
            } else {
                uploadInParts(key, file, length);
            }
        } catch (SdkException | UncheckedIOException e) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, e);
        }
    }

    /**
     * Sends the file in parts read straight from the disk, each with its length (no part is held in memory), and
     * completes the upload; a failure aborts it, so the bucket keeps no invisible parts. A process killed mid-way
     * leaves them until the bucket's lifecycle rule for incomplete multipart uploads removes them.
     */
    private void uploadInParts(String key, Path file, long length) {
        long partSize = Math.max(Math.min(PART, largestSinglePut), Math.max(SMALLEST_PART, ceil(length, MOST_PARTS)));
        String uploadId =
                s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < length; offset += partSize) {
                int number = parts.size() + 1;
                long from = offset;
                long size = Math.min(partSize, length - offset);
                // A provider, not a stream: the SDK opens the slice again when it resends a part.
                RequestBody slice = RequestBody.fromContentProvider(
                        () -> FileSlice.open(file, from, size), size, "application/octet-stream");
                String etag = s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength(size),
                                slice)
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    private static long ceil(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** {@code size} bytes of a file from {@code offset}: one part of a multipart upload. */
    private static final class FileSlice extends FilterInputStream {

        private long left;

        private FileSlice(InputStream in, long size) {
            super(in);
            this.left = size;
        }

        static InputStream open(Path file, long offset, long size) {
            try {
                InputStream in = Files.newInputStream(file);
                in.skipNBytes(offset);
                return new FileSlice(in, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, from, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    @Override
    public String newKey(String extension) {
        return BlobKeys.newKey(extension);
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(BlobKeys.check(key)));
            return Optional.of(new BlobInfo(key, head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Could not look up " + key, e);
        } catch (SdkException e) {
            throw new IOException("Could not look up " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            return stat(key).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(BlobKeys.check(key));
        if (offset > 0) {
            request.range("bytes=" + offset + "-");
        }
        try {
            return new Aborting(s3.getObject(request.build()));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key, e);
        }
    }

    /**
     * Closing a response that was not read to its end aborts the connection: otherwise the HTTP client would read
     * the rest of a long video just to reuse the connection.
     */
    private static final class Aborting extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        Aborting(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = super.read(buffer, from, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }

    @Override
    public Resource resource(String key) throws IOException {
        return new BlobResource(this, stat(key).orElseThrow(() -> new NoSuchFileException(key)));
    }

    @Override
    public Path localFile(String key) throws IOException {
        return copies.of(key, () -> open(key, 0));
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(BlobKeys.check(key)));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key, e);
        }
    }

    @Override
    public void forEach(Consumer<BlobInfo> visitor) throws IOException {
        try {
            s3.listObjectsV2Paginator(
                            ListObjectsV2Request.builder().bucket(bucket).build())
                    .contents()
                    .forEach(object -> {
                        if (BlobKeys.isKey(object.key())) {
                            visitor.accept(new BlobInfo(object.key(), object.size(), object.lastModified()));
                        }
                    });
        } catch (SdkException e) {
            throw new IOException("Could not list bucket " + bucket, e);
        }
    }

    @Override
    public Path newWorkDir() throws IOException {
        return Files.createTempDirectory(tmp, "work-");
    }

    @Override
    public Optional<URI> presignedGet(
            String key, Duration lifetime, String contentType, @Nullable String downloadName) {
        if (!presignedDownloads) {
            return Optional.empty();
        }
        String disposition = downloadName == null
                ? null
                : ContentDisposition.attachment()
                        .filename(downloadName, StandardCharsets.UTF_8)
                        .build()
                        .toString();
        var signed = presigner.presignGetObject(p -> p.signatureDuration(lifetime)
                .getObjectRequest(b -> b.bucket(bucket)
                        .key(BlobKeys.check(key))
                        .responseContentType(contentType)
                        .responseContentDisposition(disposition)));
        return Optional.of(uri(signed.url()));
    }

    @Override
    public Optional<String> browserOrigin() {
        return Optional.of(origin);
    }

    @Override
    public long largestSingleUpload() {
        return LARGEST_PUT;
    }

    @Override
    public Optional<PresignedUpload> presignedPut(String key, String contentType, Duration lifetime) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(lifetime)
                .putObjectRequest(b -> b.bucket(bucket).key(BlobKeys.check(key)).contentType(contentType)));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // a browser sets the host itself and may not set it by hand
                headers.put(name, String.join(",", values));
            }
        });
        return Optional.of(new PresignedUpload(uri(signed.url()), "PUT", headers, signed.expiration()));
    }

    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
