package app.kadr.film;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegException;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import app.kadr.media.InputFormat;
import app.kadr.media.MediaException;
import app.kadr.media.VideoProbe;
import app.kadr.storage.BlobStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders the cut as one MP4 (H.264 + AAC) at the project's frame rate and shape. Each shot becomes a segment on
 * disk of exactly its frames (a still held, a video trimmed or its last frame frozen, a card for a shot without
 * media) and exactly its samples of sound (the video's own sound, cut or padded with silence; silence for a still or
 * a card), then the segments are joined by the concat demuxer, the picture without re-encoding: memory stays that
 * of one shot, however long the film. The sound is kept as PCM in the segments so that the joins are sample-exact
 * (AAC segments would each bring their encoder delay), and encoded to AAC once, mixed with the chosen audio take.
 */
@Component
class Animatic {

    /** The export was deleted while it was being made. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("The export was deleted", null, false, false);
        }
    }

    /** Told the share done after each shot; answers false when the export is gone and the work should stop. */
    interface Progress {
        boolean report(int percent);
    }

    /**
     * @param height the short side of the picture: 720 or 1080
     * @param audio a file whose first sound track is laid under the whole film, mixed with the shots' own sound;
     *     nothing more when null
     */
    record Options(int height, boolean burnIn, @Nullable Path audio) {}

    private final FfmpegRunner ffmpeg;
    private final BlobStore blobs;
    private final FilmText text;
    private final VideoProbe probe;

    Animatic(FfmpegRunner ffmpeg, BlobStore blobs, FilmText text, VideoProbe probe) {
        this.ffmpeg = ffmpeg;
        this.blobs = blobs;
        this.text = text;
        this.probe = probe;
    }

    /** The film's sound: 48 kHz stereo, a whole number of samples in every frame at 24, 25 and 30 fps. */
    static final int SAMPLE_RATE = 48_000;

    Path render(Cut cut, Options options, Path work, Progress progress) throws IOException, FfmpegException {
        Frame frame = Frame.of(options.height(), cut.aspectRatio());
        Path list = work.resolve("segments.txt");
        long record = Frames.programmeStart(cut.fps());
        int done = 0;
        try (BufferedWriter segments = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            for (Cut.Shot shot : cut.shots()) {
                Path segment = work.resolve("%05d.mov".formatted(shot.number()));
                segment(cut.fps(), frame, shot, options.burnIn() ? record : -1, segment, work);
                segments.write("file '" + segment.getFileName() + "'\n");
                record += shot.frames();
                if (!progress.report(++done * 95 / cut.shots().size())) {
                    throw new Cancelled();
                }
            }
        }
        Path film = work.resolve("animatic.mp4");
        FfmpegCommand join = FfmpegCommand.read(list, InputFormat.SEGMENT_LIST, "-f", "concat");
        List<String> output = new ArrayList<>(List.of("-map", "0:v:0"));
        if (options.audio() != null) {
            // The take plays under the shots' own sound at its own level; the film's length decides the end.
            join.andRead(options.audio(), InputFormat.SOUND);
            output.addAll(List.of(
                    "-filter_complex",
                    "[1:a:0]aresample=%d[take];[0:a:0][take]amix=inputs=2:duration=first:normalize=0[sound]"
                            .formatted(SAMPLE_RATE),
                    "-map",
                    "[sound]"));
        } else {
            output.addAll(List.of("-map", "0:a:0"));
        }
        output.addAll(List.of(
                "-c:v",
                "copy",
                "-c:a",
                "aac",
                "-b:a",
                "160k",
                "-ar",
                Integer.toString(SAMPLE_RATE),
                "-ac",
                "2",
                "-t",
                seconds(cut.totalFrames(), cut.fps()),
                "-movflags",
                "+faststart"));
        ffmpeg.run(join.writeTo(film, output), FfmpegWork.RENDER);
        return film;
    }

    /** The picture's size in even pixels: the short side is the resolution asked for. */
    record Frame(int width, int height) {
        static Frame of(int shortSide, double ratio) {
            return ratio >= 1
                    ? new Frame(even(shortSide * ratio), shortSide)
                    : new Frame(shortSide, even(shortSide / ratio));
        }

        private static int even(double pixels) {
            return (int) Math.round(pixels / 2) * 2;
        }
    }

    /**
     * One shot as a segment of exactly its frames and its samples; {@code timecodeStart} below zero burns nothing
     * in.
     */
    private void segment(int fps, Frame frame, Cut.Shot shot, long timecodeStart, Path target, Path work)
            throws IOException, FfmpegException {
        String hold = seconds(shot.frames(), fps);
        List<String> filters = new ArrayList<>();
        FfmpegCommand command;
        Cut.Media media = shot.media();
        String label = shot.number() + ". " + shot.title();
        boolean ownSound = false;
        if (media == null) {
            command = FfmpegCommand.generate(
                    "color=c=0x1c1c1e:s=%dx%d:r=%d:d=%s".formatted(frame.width(), frame.height(), fps, hold));
            filters.add("setsar=1");
            text.centred(label, frame.height() / 14, work).ifPresent(filters::add);
        } else {
            Path source = blobs.localFile(media.blobKey());
            command = FfmpegCommand.read(source, media.video() ? InputFormat.VIDEO : InputFormat.STILL_IMAGE);
            ownSound = media.video() && hasSound(source);
            filters.add("scale=%1$d:%2$d:force_original_aspect_ratio=decrease,pad=%1$d:%2$d:(ow-iw)/2:(oh-ih)/2"
                    .formatted(frame.width(), frame.height()));
            filters.add("setsar=1");
            filters.add("fps=" + fps);
            // A still is one frame and a short video ends early: the last frame is held to the shot's end.
            filters.add("tpad=stop_mode=clone:stop_duration=" + hold);
        }
        if (timecodeStart >= 0) {
            text.corner(label, frame.height() / 24, work).ifPresent(filters::add);
            text.timecode(Frames.timecode(timecodeStart, fps), fps, frame.height() / 24)
                    .ifPresent(filters::add);
        }
        // Both streams end by their own trim: ffmpeg 4 closes every stream of a file once one reaches -frames.
        filters.add("trim=end_frame=" + shot.frames());
        filters.add("format=yuv420p");
        if (!ownSound) {
            command.andGenerate("anullsrc=r=%d:cl=stereo".formatted(SAMPLE_RATE));
        }
        long samples = (long) shot.frames() * SAMPLE_RATE / fps;
        ffmpeg.run(
                command.writeTo(
                        target,
                        "-map",
                        "0:v:0",
                        "-map",
                        ownSound ? "0:a:0" : "1:a:0",
                        "-vf",
                        String.join(",", filters),
                        // The video's sound is cut where the shot ends, or followed by silence when it is shorter.
                        "-af",
                        "aresample=%1$d,aformat=sample_fmts=s16:channel_layouts=stereo,apad=whole_len=%2$d,atrim=end_sample=%2$d"
                                .formatted(SAMPLE_RATE, samples),
                        "-r",
                        Integer.toString(fps),
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        "20",
                        "-pix_fmt",
                        "yuv420p",
                        "-video_track_timescale",
                        Integer.toString(fps * 1000),
                        "-c:a",
                        "pcm_s16le"),
                FfmpegWork.RENDER);
    }

    /** Whether a video carries sound; one that cannot be read as a video has none worth keeping. */
    private boolean hasSound(Path video) {
        try {
            return probe.probe(video).hasAudio();
        } catch (MediaException e) {
            return false;
        }
    }

    private static String seconds(long frames, int fps) {
        return String.format(Locale.ROOT, "%.6f", frames / (double) fps);
    }
}
