package app.kadr.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Where a new frame is cut from a picture, and where the subject of a picture is found. */
class ReframeTest {

    @Test
    void theCutIsTheLargestPartWithTheFramesProportionsCentredOnTheFocus() {
        Reframe reels = new Reframe(1080, 1920, new FocalPoint(0.5, 0.5));

        assertThat(reels.cropOf(1600, 900)).isEqualTo(new Reframe.Crop(547, 0, 506, 900));
    }

    @Test
    void aFocusNearAnEdgeMovesTheCutOnlyAsFarAsTheEdge() {
        assertThat(new Reframe(1080, 1920, new FocalPoint(0.98, 0.5)).cropOf(1600, 900))
                .isEqualTo(new Reframe.Crop(1094, 0, 506, 900));
        assertThat(new Reframe(1920, 1080, new FocalPoint(0.5, 0.0)).cropOf(1000, 2000))
                .isEqualTo(new Reframe.Crop(0, 0, 1000, 563));
    }

    @Test
    void aFrameOfTheTakesOwnProportionsIsTheWholeTakeWhateverTheFocus() {
        assertThat(new Reframe(1920, 1080, new FocalPoint(0.1, 0.9)).cropOf(1600, 900))
                .isEqualTo(new Reframe.Crop(0, 0, 1600, 900));
    }

    @Test
    void framesAreEvenAndFocalPointsInsideThePicture() {
        assertThatThrownBy(() -> new Reframe(1081, 1920, FocalPoint.CENTRE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FocalPoint(1.2, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FocalPoint(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSubjectIsWhereDetailAndAnOddColourAreAndAPlainPictureHasItsCentre() {
        BufferedImage picture = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(90, 120, 160));
        g.fillRect(0, 0, 800, 600);
        assertThat(Saliency.of(picture)).isEqualTo(FocalPoint.CENTRE);
        g.setColor(new Color(240, 200, 40));
        g.fillOval(80, 420, 80, 80);
        g.dispose();

        FocalPoint subject = Saliency.of(picture);

        assertThat(subject.x()).isBetween(0.1, 0.2);
        assertThat(subject.y()).isBetween(0.7, 0.83);
    }
}
