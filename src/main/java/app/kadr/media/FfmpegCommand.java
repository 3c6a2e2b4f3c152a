package app.kadr.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one ffmpeg run reads and writes. Callers name the inputs and the output with their own options;
 * {@link FfmpegRunner} adds what every run must have (the thread cap, local files only, allowed demuxers), so no
 * caller can forget it.
 */
public final class FfmpegCommand {

    /** One {@code -i}: its URL, the demuxers allowed for it, and the caller's options that go before it. */
    record Input(String url, String allowedDemuxers, List<String> options) {}

    private final List<Input> inputs = new ArrayList<>();
    private final List<String> outputOptions = new ArrayList<>();
    private @Nullable String output;

    private FfmpegCommand() {}

    /**
     * Reads a local file.
     *
     * @param options input options such as {@code -ss 1.000}, placed before its {@code -i}
     */
    public static FfmpegCommand read(Path file, InputFormat format, String... options) {
        return new FfmpegCommand().andRead(file, format, options);
    }

    /** Reads a picture or sound that ffmpeg generates itself (a {@code lavfi} graph such as {@code testsrc}). */
    public static FfmpegCommand generate(String lavfiGraph, String... options) {
        return new FfmpegCommand().andGenerate(lavfiGraph, options);
    }

    public FfmpegCommand andRead(Path file, InputFormat format, String... options) {
        inputs.add(new Input(fileUrl(file), format.demuxers(), List.of(options)));
        return this;
    }

    public FfmpegCommand andGenerate(String lavfiGraph, String... options) {
        List<String> withFormat = new ArrayList<>(List.of(options));
        withFormat.addAll(List.of("-f", "lavfi"));
        inputs.add(new Input(lavfiGraph, "lavfi", withFormat));
        return this;
    }

    /** Writes one file, replacing it; {@code options} are output options (codecs, filters, {@code -t}, {@code -f}). */
    public FfmpegCommand writeTo(Path target, String... options) {
        return output(fileUrl(target), options);
    }

    public FfmpegCommand writeTo(Path target, List<String> options) {
        return writeTo(target, options.toArray(String[]::new));
    }

    /** Decodes everything and keeps nothing, e.g. to check that a whole file decodes. */
    public FfmpegCommand discardOutput(String... options) {
        List<String> toNull = new ArrayList<>(List.of(options));
        toNull.addAll(List.of("-f", "null"));
        return output("-", toNull.toArray(String[]::new));
    }

    private FfmpegCommand output(String url, String... options) {
        if (output != null) {
            throw new IllegalStateException("One output per command");
        }
        outputOptions.addAll(List.of(options));
        output = url;
        return this;
    }

    List<Input> inputs() {
        return List.copyOf(inputs);
    }

    List<String> outputOptions() {
        return List.copyOf(outputOptions);
    }

    @Nullable
    String output() {
        return output;
    }

    /**
     * The {@code file:} prefix makes ffmpeg take the whole string as a local path: a name with a colon is never
     * taken for another protocol.
     */
    static String fileUrl(Path file) {
        return "file:" + file.toAbsolutePath();
    }
}
