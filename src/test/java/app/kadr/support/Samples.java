package app.kadr.support;

import app.kadr.media.FfmpegCommand;
import app.kadr.media.FfmpegException;
import app.kadr.media.FfmpegRunner;
import app.kadr.media.FfmpegWork;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Real media files made on the spot: images drawn in memory, videos encoded by the bundled ffmpeg. */
public final class Samples {

    private static final FfmpegRunner FFMPEG = FfmpegRunner.withBundledFfmpeg();

    private Samples() {}

    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 160), width, height, new Color(230, 170, 60)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    /** A short test-pattern clip with sound, encoded as the container asks (mp4, mov or webm). */
    public static synchronized byte[] video(String container, int seconds) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "samples"));
            Path file = dir.resolve("sample-" + seconds + "s." + container);
            if (!Files.exists(file)) {
                encode(file, container, seconds);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short voice-like tone (a sine that swells and fades each half second) as mp3, wav, m4a or ogg. */
    public static synchronized byte[] audio(String container, int seconds) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "samples"));
            Path file = dir.resolve("tone-" + seconds + "s." + container);
            if (!Files.exists(file)) {
                List<String> codec = switch (container) {
                    case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "64k");
                    case "m4a" -> List.of("-c:a", "aac", "-b:a", "64k", "-f", "ipod");
                    case "ogg" -> List.of("-c:a", "libvorbis");
                    default -> List.of("-c:a", "pcm_s16le");
                };
                Path part = Path.of(file + ".part." + container);
                FFMPEG.run(
                        FfmpegCommand.generate("sine=frequency=220:duration=" + seconds)
                                .writeTo(part, withVolume(codec)),
                        FfmpegWork.RENDER);
                Files.move(part, file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FfmpegException e) {
            throw new UncheckedIOException(new IOException("ffmpeg could not make a sample", e));
        }
    }

    private static List<String> withVolume(List<String> codec) {
        List<String> options =
                new java.util.ArrayList<>(List.of("-af", "volume='0.2+0.8*abs(sin(2*PI*t))':eval=frame"));
        options.addAll(codec);
        return options;
    }

    private static void encode(Path file, String container, int seconds) throws IOException {
        List<String> codec = container.equals("webm")
                ? List.of("-c:v", "libvpx", "-b:v", "300k", "-c:a", "libopus")
                : List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        Path part = Path.of(file + ".part." + container);
        try {
            FFMPEG.run(
                    FfmpegCommand.generate("testsrc2=size=640x360:rate=25:duration=" + seconds)
                            .andGenerate("sine=frequency=440:duration=" + seconds)
                            .writeTo(part, codec),
                    FfmpegWork.RENDER);
        } catch (FfmpegException e) {
            throw new IOException("ffmpeg could not make a sample", e);
        }
        Files.move(part, file);
    }

    /** A plain grey PNG with one red square (side {@code side}, top left at x, y): a subject whose place is known. */
    public static byte[] markedPng(int width, int height, int x, int y, int side) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(220, 20, 20));
        g.fillRect(x, y, side, side);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The share of a picture's pixels that are clearly red, as in {@link #markedPng}'s mark. */
    public static double redShare(BufferedImage picture) {
        long red = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    red++;
                }
            }
        }
        return (double) red / ((long) picture.getWidth() * picture.getHeight());
    }
}
