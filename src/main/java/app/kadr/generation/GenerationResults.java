package app.kadr.generation;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetService;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Provider;
import app.kadr.generation.download.DownloadException;
import app.kadr.generation.download.ResultDownloads;
import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderResult;
import app.kadr.shared.KadrProperties;
import app.kadr.shared.OutboundUrls;
import app.kadr.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Takes a provider's results into the shot at once (provider addresses expire), each exactly once: a result index
 * already stored is skipped, so a step that runs twice after a crash stores nothing twice.
 */
@Component
class GenerationResults {

    private final Generations generations;
    private final AssetService assets;
    private final ResultDownloads downloads;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    GenerationResults(
            Generations generations,
            AssetService assets,
            ResultDownloads downloads,
            BlobStore blobs,
            TransactionTemplate transaction,
            KadrProperties properties) {
        this.generations = generations;
        this.assets = assets;
        this.downloads = downloads;
        this.blobs = blobs;
        this.transaction = transaction;
        this.maxBytes = Math.max(
                properties.upload().maxImageBytes(), properties.upload().maxVideoBytes());
    }

    void store(GenerationRow generation, CatalogModel model, List<ProviderResult> results) throws ProviderException {
        if (results.isEmpty()) {
            throw ProviderException.of(ProviderException.Kind.FAILED, "The provider finished without a result");
        }
        for (int index = 0; index < results.size(); index++) {
            if (!generations.hasResult(generation.id(), index)) {
                storeOne(generation, model, results.get(index), index);
            }
        }
    }

    private void storeOne(GenerationRow generation, CatalogModel model, ProviderResult result, int index)
            throws ProviderException {
        Path work = null;
        try {
            work = blobs.newWorkDir();
            Path file = fetch(result, model, work);
            String name = "generation-" + generation.id().toString().substring(0, 8) + "-" + (index + 1);
            transaction.executeWithoutResult(status -> {
                try {
                    Asset asset = assets.storeGenerated(
                            generation.shotId(),
                            new AssetService.MadeBy(
                                    generation.id(),
                                    generation.modelId(),
                                    generation.providerId(),
                                    generation.prompt()),
                            file,
                            name);
                    generations.addResult(generation.id(), index, asset.id());
                    if (generation.variants() == 1 && result.seed() != null && result.seed() != generation.seed()) {
                        // One take per generation: its seed is the one the provider used, which may not be the one
                        // sent (Stability picks its own for 0), so that repeating the take repeats it.
                        generations.recordSeed(generation.id(), result.seed());
                    }
                } catch (IOException e) {
                    throw new ResultRefused(e);
                }
            });
        } catch (ResultRefused e) {
            throw refusedOrDisk(e.reason);
        } catch (IOException | UncheckedIOException e) {
            throw diskError(e);
        } finally {
            forget(work);
        }
    }

    /** A file the studio will not take is the result's fault; any other failure to store it is the disk's. */
    private static FinalFailure refusedOrDisk(IOException e) {
        if (e instanceof AssetService.GeneratedFileRefused refused) {
            return new FinalFailure(
                    FinalFailure.RESULT_REFUSED, refused.reasonKey(), "Result refused: " + refused.reasonKey(), e);
        }
        return diskError(e);
    }

    private static FinalFailure diskError(Exception e) {
        return new FinalFailure(FinalFailure.DISK_ERROR, null, "Could not store a result: " + e, e);
    }

    private Path fetch(ProviderResult result, CatalogModel model, Path work) throws ProviderException, IOException {
        if (result.bytes() != null) {
            return Files.write(work.resolve("result"), result.bytes());
        }
        URI url = result.url();
        if (url == null) {
            throw ProviderException.of(ProviderException.Kind.FAILED, "A result with neither bytes nor address");
        }
        try {
            return downloads.download(url, privateHostAllowed(model.provider()), maxBytes, work);
        } catch (DownloadException e) {
            ProviderException.Kind kind =
                    e.retryable() ? ProviderException.Kind.UNREACHABLE : ProviderException.Kind.FAILED;
            throw ProviderException.of(kind, "Download refused (" + e.reason() + ")");
        }
    }

    /**
     * A result address inside the network is refused, unless the provider is marked «свой сервер» (a ComfyUI on the
     * local network) and the address is on that provider's own host: a cloud provider's answer, or one forged in its
     * name, must not make the studio fetch from the cloud's metadata service or the studio's own machine.
     */
    static @Nullable String privateHostAllowed(Provider provider) {
        return provider.selfHosted() ? OutboundUrls.hostOf(provider.baseUrl()) : null;
    }

    private static void forget(@Nullable Path work) {
        if (work != null) {
            try {
                FileSystemUtils.deleteRecursively(work);
            } catch (IOException ignored) {
                // A leftover scratch folder is harmless.
            }
        }
    }

    /** Carries a refused file out of the transaction callback, which takes no checked exceptions. */
    private static final class ResultRefused extends RuntimeException {
        private final IOException reason;

        ResultRefused(IOException reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
