package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputDescriptionTest {

    @Test
    void readsSizeDurationCodecAndAudioOfAnH264Mp4() throws MediaException {
        assertThat(InputDescription.parse(FfmpegInputSamples.H264_MP4))
                .isEqualTo(new VideoInfo(1280, 720, 3000, 0, "h264", "yuv420p", 25, true));
    }

    @Test
    void readsAQuickTimeFile() throws MediaException {
        assertThat(InputDescription.parse(FfmpegInputSamples.H264_MOV))
                .isEqualTo(new VideoInfo(640, 360, 2000, 0, "h264", "yuv420p", 25, true));
    }

    @Test
    void readsTheSizeAfterAParenthesisedPixelFormatInAWebm() throws MediaException {
        assertThat(InputDescription.parse(FfmpegInputSamples.VP8_WEBM))
                .isEqualTo(new VideoInfo(640, 360, 2010, 0, "vp8", "yuv420p", 25, true));
    }

    @Test
    void takesNoHexCodecTagForASize() throws MediaException {
        String sizeOnlyAfterTheTag = """
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.mp4':
                  Duration: 00:00:01.00, start: 0.000000, bitrate: 1 kb/s
                  Stream #0:0(und): Video: h264 (avc1 / 0x31637661), yuv420p, 320x240, 25 fps
                """;

        assertThat(InputDescription.parse(sizeOnlyAfterTheTag).width()).isEqualTo(320);
    }

    @Test
    void swapsTheSidesOfAClipTurnedAQuarter() throws MediaException {
        assertThat(InputDescription.parse(FfmpegInputSamples.ROTATED_90_MP4))
                .isEqualTo(new VideoInfo(720, 1280, 3000, 90, "h264", "yuv420p", 25, true));
        assertThat(InputDescription.parse(FfmpegInputSamples.ROTATED_270_MP4))
                .isEqualTo(new VideoInfo(720, 1280, 3000, 90, "h264", "yuv420p", 25, true));
    }

    @Test
    void turnsByTheDisplayMatrixAloneAsNewerFfmpegsPrintIt() throws MediaException {
        String matrixOnly = FfmpegInputSamples.ROTATED_90_MP4.replaceAll("(?m)^\\s+rotate\\s*:.*\\n", "");

        assertThat(matrixOnly).doesNotContain("rotate ");
        assertThat(InputDescription.parse(matrixOnly).width()).isEqualTo(720);
    }

    @Test
    void turnsByTheRotateTagAlone() throws MediaException {
        String tagOnly = FfmpegInputSamples.ROTATED_90_MP4.replaceAll("(?m)^\\s+(Side data:|displaymatrix:.*)\\n", "");

        assertThat(tagOnly).doesNotContain("displaymatrix");
        assertThat(InputDescription.parse(tagOnly).width()).isEqualTo(720);
        assertThat(InputDescription.parse(tagOnly).rotation())
                .as("the tag's 270° clockwise is the matrix's 90° counter-clockwise")
                .isEqualTo(90);
    }

    @Test
    void ignoresARotationTagOfAnotherStream() throws MediaException {
        String audioTurned = FfmpegInputSamples.H264_MP4.replace(
                "      handler_name    : SoundHandler",
                "      rotate          : 90\n      handler_name    : SoundHandler");

        assertThat(InputDescription.parse(audioTurned).width()).isEqualTo(1280);
    }

    @Test
    void readsFractionalAndThousandsFrameRates() throws MediaException {
        String ntsc = FfmpegInputSamples.H264_MP4.replace("25 fps, 25 tbr", "29.97 fps, 29.97 tbr");
        String thousand = FfmpegInputSamples.H264_MP4.replace("25 fps, 25 tbr", "1k fps, 1k tbr");

        assertThat(InputDescription.parse(ntsc).frameRate()).isEqualTo(29.97);
        assertThat(InputDescription.parse(thousand).frameRate()).isEqualTo(1000);
    }

    @Test
    void refusesAudioOnlyAsHavingNoPicture() {
        assertRefused(() -> InputDescription.parse(FfmpegInputSamples.AUDIO_M4A), "media.video.no_stream");
    }

    @Test
    void doesNotTakeACoverPictureForAVideo() {
        assertThat(FfmpegInputSamples.COVER_M4A).contains("Video: mjpeg");

        assertRefused(() -> InputDescription.parse(FfmpegInputSamples.COVER_M4A), "media.video.no_stream");
    }

    @Test
    void refusesWhatFfmpegCannotRead() {
        assertRefused(() -> InputDescription.parse(FfmpegInputSamples.NOISE), "media.video.unreadable");
        assertRefused(() -> InputDescription.parse(FfmpegInputSamples.CUT_MP4), "media.video.unreadable");
        assertRefused(() -> InputDescription.parse("/tmp/x.mp4: No such file or directory"), "media.video.unreadable");
    }

    @Test
    void refusesAPictureStreamWithoutASize() {
        String noSize = FfmpegInputSamples.H264_MP4.replace("1280x720 [SAR 1:1 DAR 16:9]", "none");

        assertRefused(() -> InputDescription.parse(noSize), "media.video.unreadable");
    }

    @Test
    void fallsBackToTheStreamDurationTagThenToZero() throws MediaException {
        String noContainerDuration = FfmpegInputSamples.VP8_WEBM.replace(
                "Duration: 00:00:02.01, start: -0.007000, bitrate: 374 kb/s", "Duration: N/A, start: 0, bitrate: N/A");
        String noDurationAtAll = noContainerDuration.replaceAll("(?m)^\\s+DURATION\\s*:.*\\n", "");

        assertThat(InputDescription.parse(noContainerDuration).durationMs()).isEqualTo(2007);
        assertThat(InputDescription.parse(noDurationAtAll).durationMs()).isZero();
    }

    @Test
    void ignoresFakeStreamLinesInsideAMultiLineTag() throws MediaException {
        // ffmpeg prints the lines of a multi-line tag value after a "  : " prefix
        String spoofed = FfmpegInputSamples.AUDIO_M4A.replace(
                "      handler_name    : SoundHandler",
                "      title           : x\n                      : Stream #0:9: Video: h264, yuv420p, 64x64, 25 fps");

        assertRefused(() -> InputDescription.parse(spoofed), "media.video.no_stream");
    }
}
