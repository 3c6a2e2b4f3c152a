package app.kadr.media;

import java.util.List;

/**
 * The output options of every MP4 a stranger may receive (a client's hover clip or review rendition): no metadata of
 * the original (titles, comments, dates, a generator's settings), no chapters, no software names. {@code bitexact}
 * keeps the muxer and the encoders from writing «Lavf…» and «Lavc…», and the picture's {@code encoder} tag (which
 * ffmpeg 5 writes into the MP4's compressor name as «Lavc libx264») names only the codec; the {@code filter_units}
 * bitstream filter drops the SEI units in which x264 writes its version and every option it ran with. The index goes
 * first, so a browser plays before the file has fully loaded.
 */
final class CleanMp4 {

    static final List<String> OPTIONS = List.of(
            "-map_metadata",
            "-1",
            "-map_metadata:s",
            "-1",
            "-map_chapters",
            "-1",
            "-metadata:s:v",
            "encoder=H.264",
            "-bsf:v",
            "filter_units=remove_types=6",
            "-fflags",
            "+bitexact",
            "-flags:v",
            "+bitexact",
            "-flags:a",
            "+bitexact",
            "-movflags",
            "+faststart",
            "-f",
            "mp4");

    private CleanMp4() {}
}
