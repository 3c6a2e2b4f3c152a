package app.kadr.media;

import java.nio.file.Path;

/** The probe for a host with ffprobe: its JSON, parsed by {@link FfprobeOutput}. */
final class FfprobeVideoProbe implements VideoProbe {

    private final FfmpegRunner tools;

    FfprobeVideoProbe(FfmpegRunner tools) {
        if (!tools.hasFfprobe()) {
            throw new IllegalArgumentException("No ffprobe is configured");
        }
        this.tools = tools;
    }

    @Override
    public VideoInfo probe(Path file) throws MediaException {
        String json;
        try {
            json = tools.probeJson(file, InputFormat.VIDEO);
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.video.unreadable");
        }
        return FfprobeOutput.parse(json);
    }

    @Override
    public long audioDurationMs(Path file) throws MediaException {
        try {
            return FfprobeOutput.audioDurationMs(tools.probeJson(file, InputFormat.AUDIO));
        } catch (FfmpegException e) {
            throw MediaFailures.of(e, "media.audio.unreadable");
        }
    }

    @Override
    public String describe() {
        return "ffprobe's JSON (" + tools.binaries().ffprobe() + ")";
    }
}
