package app.kadr.media;

import static app.kadr.media.MediaInspectorTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProcessorTest {

    private static final String SECRET = "GPS-52.2297N-21.0122E-secret";

    private final ImageProcessor processor = new ImageProcessor();

    @TempDir
    Path dir;

    @Test
    void fitsThumbAndPreviewAndKeepsTheOriginalSize() throws Exception {
        Path original = Fixtures.write(dir, "big.jpg", Fixtures.jpeg(Fixtures.photoLike(3000, 2000, 1)));

        ImageDerivatives result = processor.derive(original, work());

        assertThat(result.width()).isEqualTo(3000);
        assertThat(result.height()).isEqualTo(2000);
        assertThat(size(result.preview())).containsExactly(1440, 960);
        assertThat(size(result.thumb())).containsExactly(320, 213);
        assertThat(result.thumbMimeType()).isEqualTo("image/jpeg");
        assertThat(result.previewMimeType()).isEqualTo("image/jpeg");
        assertThat(result.thumb().getParent()).isEqualTo(result.preview().getParent());
    }

    @Test
    void keepsThumbsOfPhotosSmall() throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (int seed = 0; seed < 5; seed++) {
            Path original = Fixtures.write(dir, seed + ".jpg", Fixtures.jpeg(Fixtures.photoLike(1600, 1200, seed)));
            sizes.add(Files.size(processor.derive(original, work()).thumb()));
        }
        sizes.sort(null);

        assertThat(sizes.get(sizes.size() / 2)).isLessThanOrEqualTo(40 * 1024);
    }

    @Test
    void thumbAndPreviewCarryNoMetadata() throws Exception {
        BufferedImage picture = Fixtures.photoLike(400, 300, 2);
        Path jpeg = Fixtures.write(dir, "exif.jpg", Fixtures.jpegWithExif(picture, 1, SECRET));
        Path png = Fixtures.write(dir, "text.png", Fixtures.pngWithText(picture, SECRET));
        assertThat(contains(Files.readAllBytes(jpeg), SECRET)).isTrue();
        assertThat(contains(Files.readAllBytes(png), SECRET)).isTrue();

        for (Path original : List.of(jpeg, png)) {
            ImageDerivatives result = processor.derive(original, work());
            for (Path derivative : List.of(result.thumb(), result.preview())) {
                byte[] bytes = Files.readAllBytes(derivative);
                assertThat(contains(bytes, SECRET)).as(derivative.toString()).isFalse();
                assertThat(contains(bytes, "Exif")).as(derivative.toString()).isFalse();
            }
        }
    }

    @Test
    void respectsExifOrientation() throws Exception {
        // Orientation 6: the stored picture must be turned 90 degrees clockwise, so its left edge becomes the top.
        Path original =
                Fixtures.write(dir, "turned.jpg", Fixtures.jpegWithExif(Fixtures.redLeftBlueRight(200, 100), 6, "x"));

        ImageDerivatives result = processor.derive(original, work());

        assertThat(result.width()).isEqualTo(100);
        assertThat(result.height()).isEqualTo(200);
        BufferedImage preview = ImageIO.read(result.preview().toFile());
        assertThat(preview.getWidth()).isEqualTo(100);
        assertThat(preview.getHeight()).isEqualTo(200);
        assertThat(isReddish(preview.getRGB(50, 20))).isTrue();
        assertThat(isReddish(preview.getRGB(50, 180))).isFalse();
    }

    @Test
    void neverUpscalesASmallImage() throws Exception {
        Path original = Fixtures.write(dir, "small.png", Fixtures.png(Fixtures.photoLike(100, 80, 3)));

        ImageDerivatives result = processor.derive(original, work());

        assertThat(size(result.preview())).containsExactly(100, 80);
        assertThat(size(result.thumb())).containsExactly(100, 80);
        assertThat(result.width()).isEqualTo(100);
    }

    @Test
    void takesTheFirstFrameOfAGif() throws Exception {
        Path original = Fixtures.write(
                dir, "anim.gif", Fixtures.animatedGif(List.of(Color.RED, Color.BLUE, Color.GREEN), 64, 48));

        ImageDerivatives result = processor.derive(original, work());

        BufferedImage thumb = ImageIO.read(result.thumb().toFile());
        assertThat(isReddish(thumb.getRGB(32, 24))).isTrue();
        assertThat(result.width()).isEqualTo(64);
    }

    @Test
    void putsTransparencyOnTheDarkBackground() throws Exception {
        BufferedImage transparent = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        Path original = Fixtures.write(dir, "clear.png", Fixtures.png(transparent));

        ImageDerivatives result = processor.derive(original, work());

        int pixel = ImageIO.read(result.thumb().toFile()).getRGB(25, 25) & 0xffffff;
        assertThat(Math.abs((pixel >> 16) - 0x1b)).isLessThanOrEqualTo(3);
        assertThat(Base64.getDecoder().decode(result.thumbhash())[2] & 0x80).isNotZero(); // alpha flag
    }

    @Test
    void givesAThumbhash() throws Exception {
        Path original = Fixtures.write(dir, "p.jpg", Fixtures.jpeg(Fixtures.photoLike(800, 600, 4)));

        String thumbhash = processor.derive(original, work()).thumbhash();

        assertThat(Base64.getDecoder().decode(thumbhash)).hasSizeBetween(20, 30);
    }

    @Test
    void refusesAPngTruncatedInItsPixels() throws Exception {
        byte[] png = Fixtures.png(Fixtures.photoLike(300, 300, 5));
        Path original = Fixtures.write(dir, "cut.png", java.util.Arrays.copyOf(png, png.length / 2));

        assertRefused(() -> processor.derive(original, work()), "media.image.unreadable");
    }

    @Test
    void refusesWhatIsNotAnImage() throws Exception {
        Path original = Fixtures.write(dir, "a.jpg", "hello".getBytes(StandardCharsets.UTF_8));

        assertRefused(() -> processor.derive(original, work()), "media.image.unreadable");
    }

    private Path work() throws IOException {
        return Files.createTempDirectory(dir, "work");
    }

    static int[] size(Path image) throws IOException {
        BufferedImage read = ImageIO.read(image.toFile());
        return new int[] {read.getWidth(), read.getHeight()};
    }

    private static boolean isReddish(int rgb) {
        return ((rgb >> 16) & 0xff) > 180 && (rgb & 0xff) < 80;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
