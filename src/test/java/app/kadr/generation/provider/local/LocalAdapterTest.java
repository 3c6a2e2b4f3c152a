package app.kadr.generation.provider.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.kadr.generation.provider.ProviderException;
import app.kadr.generation.provider.ProviderRequest;
import app.kadr.localengine.LocalEngine;
import app.kadr.media.FfmpegRunner;
import app.kadr.shared.Messages;
import app.kadr.storage.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What the offline engine refuses reaches the person as the engine's own Russian reason, not as a field name. */
class LocalAdapterTest {

    @TempDir
    Path work;

    @Test
    void aRequestTheEngineRefusesEndsWithTheEnginesRussianReason() throws Exception {
        BlobStore blobs = mock(BlobStore.class);
        when(blobs.newWorkDir()).thenReturn(Files.createTempDirectory(work, "job"));
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("messages/localengine");
        bundle.setDefaultEncoding("UTF-8");
        LocalAdapter adapter =
                new LocalAdapter(new LocalEngine(FfmpegRunner.withBundledFfmpeg()), blobs, new Messages(bundle));
        // Past the catalog's own checks, as a model edited by hand could send it.
        ProviderRequest tooLarge = new ProviderRequest(
                "local", null, "local-draft", "text_to_image", Map.of("size", "90000x10"), List.of(), 1, null, true);

        ProviderException refused = catchThrowableOfType(ProviderException.class, () -> adapter.submit(tooLarge));

        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.ENGINE_REFUSED);
        assertThat(refused.kind().retryable()).isFalse();
        assertThat(refused.field()).startsWith("Размер должен быть от ").endsWith("пикселей по каждой стороне.");
    }
}
