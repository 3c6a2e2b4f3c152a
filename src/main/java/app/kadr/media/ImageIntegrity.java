package app.kadr.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * Refuses an image whose data stops short or is damaged. Decoders forgive too much: a JPEG cut after 4 KB decodes
 * into a grey picture with only a warning, a lossless WebP cut in half decodes without one. So the whole picture is
 * decoded once at upload (every n-th pixel kept, so memory stays small) and the decoder's own warnings about missing
 * data are heeded; and where a format says how long it is (a WebP's RIFF size, a PNG's chunks up to {@code IEND}),
 * the file must be that long.
 */
final class ImageIntegrity {

    /** What libjpeg and TwelveMonkeys say when the data ends early: «premature end of data segment», «Missing EOI». */
    private static final Pattern TRUNCATION = Pattern.compile("(?i).*(premature end|missing eoi|truncated).*");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int CHECK_SIZE = 1024;

    private ImageIntegrity() {}

    static void check(Path file, DetectedMedia media) throws MediaException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean whole = switch (media.mimeType()) {
                case "image/png" -> pngReachesItsEnd(channel);
                case "image/webp" -> webpIsAsLongAsItSays(channel);
                default -> true;
            };
            if (!whole) {
                throw new MediaException("media.image.damaged");
            }
        } catch (IOException e) {
            throw new MediaException("media.image.damaged", e);
        }
        decodeWhole(file);
    }

    /** Decodes every row; a decoder that fails or warns that data is missing means the picture is not all there. */
    private static void decodeWhole(Path file) throws MediaException {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaException("media.image.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(reader.getWidth(0), reader.getHeight(0)) / CHECK_SIZE;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new MediaException("media.image.damaged", e);
        }
        if (warnings.stream().anyMatch(warning -> TRUNCATION.matcher(warning).matches())) {
            throw new MediaException("media.image.damaged");
        }
    }

    /** A PNG's chunks, each announcing its length, must lead to {@code IEND} inside the file. */
    private static boolean pngReachesItsEnd(FileChannel file) throws IOException {
        long size = file.size();
        ByteBuffer signature = read(file, 0, PNG_SIGNATURE.length);
        if (!signature.equals(ByteBuffer.wrap(PNG_SIGNATURE))) {
            return false;
        }
        long at = PNG_SIGNATURE.length;
        while (at + 12 <= size) {
            ByteBuffer head = read(file, at, 8);
            long length = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, StandardCharsets.US_ASCII);
            at += 12 + length;
            if (type.equals("IEND")) {
                return at <= size;
            }
        }
        return false;
    }

    /** A WebP is a RIFF file whose header says how many bytes follow it. */
    private static boolean webpIsAsLongAsItSays(FileChannel file) throws IOException {
        ByteBuffer header = read(file, 0, 12).order(ByteOrder.LITTLE_ENDIAN);
        long announced = Integer.toUnsignedLong(header.getInt(4));
        return file.size() >= 8 + announced;
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }
}
