package app.kadr.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Test files made on the fly, so no binary fixtures live in the repository. */
final class Fixtures {

    private Fixtures() {}

    /** Smooth gradients with a little grain: compresses like a photo rather than like flat colour. */
    static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2a5d8f), width, height, new Color(0xe0a060)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            int size = Math.max(4, Math.min(width, height) / (4 + random.nextInt(8)));
            g.fillOval(random.nextInt(width), random.nextInt(height), size, size);
        }
        g.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(17) - 8;
                int rgb = image.getRGB(x, y);
                image.setRGB(
                        x,
                        y,
                        clamp((rgb >> 16 & 0xff) + grain) << 16
                                | clamp((rgb >> 8 & 0xff) + grain) << 8
                                | clamp((rgb & 0xff) + grain));
            }
        }
        return image;
    }

    /** Left half red, right half blue: tells which way a picture was turned. */
    static BufferedImage redLeftBlueRight(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF block (orientation and a text tag) and a comment, both right after SOI. */
    static byte[] jpegWithExif(BufferedImage image, int orientation, String secret) throws IOException {
        byte[] plain = jpeg(image);
        byte[] text = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
        // Big-endian TIFF with two IFD0 entries: Orientation (SHORT) and ImageDescription (ASCII, stored after).
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + text.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x010e).putShort((short) 2).putInt(text.length).putInt(8 + 2 + 24 + 4);
        tiff.putInt(0);
        tiff.put(text);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        byte[] comment = ("comment " + secret).getBytes(StandardCharsets.US_ASCII);
        return concat(
                new byte[] {(byte) 0xff, (byte) 0xd8},
                segment(0xe1, exif),
                segment(0xfe, comment),
                java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    /** A PNG with a tEXt chunk right after IHDR. */
    static byte[] pngWithText(BufferedImage image, String secret) throws IOException {
        byte[] plain = png(image);
        int afterIhdr = 8 + 8 + 13 + 4;
        byte[] chunk = chunk("tEXt", ("Comment\0" + secret).getBytes(StandardCharsets.ISO_8859_1));
        return concat(
                java.util.Arrays.copyOfRange(plain, 0, afterIhdr),
                chunk,
                java.util.Arrays.copyOfRange(plain, afterIhdr, plain.length));
    }

    /** A valid PNG signature and IHDR claiming the given size, with no pixel data at all. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        return concat(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                chunk("IHDR", ihdr.array()),
                chunk("IEND", new byte[0]));
    }

    static byte[] animatedGif(List<Color> frames, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color colour : frames) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, width, height);
                g.dispose();
                IIOMetadata metadata = writer.getDefaultImageMetadata(
                        ImageTypeSpecifier.createFromRenderedImage(frame), writer.getDefaultWriteParam());
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "50");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree(metadata.getNativeMetadataFormatName(), root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Makes a test clip (a test pattern with a tone) with the bundled ffmpeg. */
    static Path clip(Path dir, String name, int seconds, List<String> encoding) throws MediaException {
        Path file = dir.resolve(name);
        List<String> options = new java.util.ArrayList<>(List.of("-t", Integer.toString(seconds)));
        options.addAll(encoding);
        make(FfmpegCommand.generate("testsrc=size=1280x720:rate=25")
                .andGenerate("sine=frequency=440:sample_rate=44100")
                .writeTo(file, options));
        return file;
    }

    /** A one-second AAC sound with no picture; {@code extraArgs} choose the container (e.g. mp4 with an isom brand). */
    static Path soundOnly(Path dir, String name, List<String> extraArgs) throws MediaException {
        Path file = dir.resolve(name);
        List<String> options = new java.util.ArrayList<>(List.of("-t", "1", "-c:a", "aac"));
        options.addAll(extraArgs);
        make(FfmpegCommand.generate("sine=frequency=440").writeTo(file, options));
        return file;
    }

    /** Runs the bundled ffmpeg to make a test file. */
    static void make(FfmpegCommand command) throws MediaException {
        try {
            Toolsets.BUNDLED.runner().run(command, FfmpegWork.RENDER);
        } catch (FfmpegException e) {
            throw new MediaException("media.processing.failed", e);
        }
    }

    /** The top-level box types of an ISO media file, in order. */
    static List<String> topLevelBoxes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> types = new java.util.ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int pos = 0;
        while (pos + 8 <= bytes.length) {
            long size = Integer.toUnsignedLong(buffer.getInt(pos));
            types.add(new String(bytes, pos + 4, 4, StandardCharsets.ISO_8859_1));
            if (size == 1) {
                size = buffer.getLong(pos + 8);
            } else if (size == 0) {
                break;
            }
            pos += (int) size;
        }
        return types;
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xff)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload);
        return segment.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        return chunk.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
