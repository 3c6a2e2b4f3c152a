package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which tools are chosen from {@code KADR_FFMPEG} and {@code KADR_FFPROBE}. */
class MediaToolsConfigurationTest {

    private final ApplicationContextRunner studio =
            new ApplicationContextRunner().withUserConfiguration(MediaToolsConfiguration.class, Settings.class);

    @EnableConfigurationProperties(MediaToolSettings.class)
    static class Settings {}

    @TempDir
    Path dir;

    @Test
    void startsWithTheBundledFfmpegWhenTheVariablesAreEmpty() {
        studio.withPropertyValues("kadr.media.ffmpeg=", "kadr.media.ffprobe=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(FfmpegRunner.class).binaries()).isEqualTo(FfmpegBinaries.bundled());
            assertThat(context.getBean(VideoProbe.class)).isInstanceOf(FfmpegTextVideoProbe.class);
        });
    }

    @Test
    void startsWithAConfiguredFfmpegThatRunsAndProbesWithItsFfprobe() throws IOException {
        Path ffmpeg = executable("ffmpeg", fakeFfmpeg("libx264", "bmp", "png"));
        executable("ffprobe", "echo 'ffprobe version 9.9-test'");

        studio.withPropertyValues("kadr.media.ffmpeg=" + ffmpeg, "kadr.media.ffmpeg-threads=4")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(VideoProbe.class)).isInstanceOf(FfprobeVideoProbe.class);
                });
    }

    @Test
    void refusesToStartWithAConfiguredFfmpegWithoutTheEncodersTheStudioNeeds() throws IOException {
        Path withoutX264 = executable("ffmpeg", fakeFfmpeg("bmp", "png", "libopenh264"));

        studio.withPropertyValues("kadr.media.ffmpeg=" + withoutX264)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("lacks the encoders [libx264]"));
    }

    @Test
    void refusesToStartWithAConfiguredFfmpegThatDoesNotRun() throws IOException {
        Path broken = executable("ffmpeg", "echo 'error while loading shared libraries' >&2; exit 127");

        studio.withPropertyValues("kadr.media.ffmpeg=" + broken)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("error while loading shared libraries"));
    }

    @Test
    void withNothingConfiguredUsesTheBundledFfmpegAndReadsItsText() {
        FfmpegRunner runner =
                new FfmpegRunner(FfmpegBinaries.resolve(MediaToolSettings.defaults()), MediaToolSettings.defaults());

        assertThat(runner.binaries().system()).isNull();
        assertThat(MediaToolsConfiguration.choose(runner)).isInstanceOf(FfmpegTextVideoProbe.class);
    }

    @Test
    void takesTheFfprobeBesideAConfiguredFfmpeg() throws IOException {
        Path ffmpeg = executable("ffmpeg");
        Path ffprobe = executable("ffprobe");

        FfmpegBinaries binaries = FfmpegBinaries.resolve(settings(ffmpeg.toString(), ""));

        assertThat(binaries).isEqualTo(new FfmpegBinaries(ffmpeg, ffprobe));
        assertThat(MediaToolsConfiguration.choose(new FfmpegRunner(binaries, MediaToolSettings.defaults())))
                .isInstanceOf(FfprobeVideoProbe.class);
    }

    @Test
    void readsTheTextOfAConfiguredFfmpegThatHasNoFfprobeBesideIt() throws IOException {
        Path ffmpeg = executable("ffmpeg");

        FfmpegBinaries binaries = FfmpegBinaries.resolve(settings(ffmpeg.toString(), ""));

        assertThat(binaries.ffprobe()).isNull();
        assertThat(MediaToolsConfiguration.choose(new FfmpegRunner(binaries, MediaToolSettings.defaults())))
                .isInstanceOf(FfmpegTextVideoProbe.class);
    }

    @Test
    void mayProbeWithAnFfprobeWhileDecodingWithTheBundledFfmpeg() throws IOException {
        Path ffprobe = executable("ffprobe");

        assertThat(FfmpegBinaries.resolve(settings("", ffprobe.toString())))
                .isEqualTo(new FfmpegBinaries(null, ffprobe));
    }

    @Test
    void refusesToStartWithAConfiguredBinaryThatIsNotThere() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "not a program");

        assertThatThrownBy(() -> FfmpegBinaries.resolve(settings("/nonexistent/ffmpeg", "")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KADR_FFMPEG=/nonexistent/ffmpeg is not an executable file");
        assertThatThrownBy(() -> FfmpegBinaries.resolve(settings("", notExecutable.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KADR_FFPROBE=");
    }

    @Test
    void refusesAThreadCapOrTimeLimitThatCannotWork() {
        assertThatThrownBy(() -> MediaToolSettings.defaults()
                        .withLimits(
                                0,
                                java.time.Duration.ofSeconds(1),
                                java.time.Duration.ofSeconds(1),
                                java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("KADR_FFMPEG_THREADS");
        assertThatThrownBy(() -> MediaToolSettings.defaults()
                        .withLimits(
                                2,
                                java.time.Duration.ZERO,
                                java.time.Duration.ofSeconds(1),
                                java.time.Duration.ofSeconds(1)))
                .hasMessageContaining("KADR_FFMPEG_PROBE_TIME_LIMIT");
    }

    @Test
    void namesTimeLimitsInRussian() {
        assertThat(FfmpegException.inRussian(java.time.Duration.ofSeconds(30))).isEqualTo("30 с");
        assertThat(FfmpegException.inRussian(java.time.Duration.ofMinutes(5))).isEqualTo("5 мин");
        assertThat(FfmpegException.inRussian(java.time.Duration.ofMinutes(90))).isEqualTo("1 ч 30 мин");
        assertThat(FfmpegException.inRussian(java.time.Duration.ofMillis(700))).isEqualTo("700 мс");
    }

    private Path executable(String name) throws IOException {
        return executable(name, "exit 0");
    }

    private Path executable(String name, String script) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /** Answers {@code -encoders} as ffmpeg does (" V....D name  description") and anything else with a version. */
    private static String fakeFfmpeg(String... encoders) {
        StringBuilder listing = new StringBuilder();
        for (String encoder : encoders) {
            listing.append(" V....D ").append(encoder).append("  an encoder\\n");
        }
        return "case \"$*\" in *-encoders*) printf '" + listing + "';; *) echo 'ffmpeg version 9.9-test';; esac";
    }

    private static MediaToolSettings settings(String ffmpeg, String ffprobe) {
        return MediaToolSettings.defaults().withTools(ffmpeg, ffprobe);
    }
}
