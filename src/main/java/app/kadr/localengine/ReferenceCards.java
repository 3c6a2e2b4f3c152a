package app.kadr.localengine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Pins the elements' reference images into a draft as cards along its bottom edge, left to right in the order the
 * elements were named: each a fifth of the picture high, its own proportions kept, on a white mat. The draft stays
 * a sketch of the scene; the cards say who and what it is about.
 */
final class ReferenceCards {

    /** Card height as a part of the picture's height. */
    static final double HEIGHT = 0.2;
    /** The mat around a card and the gap between cards, as a part of the picture's height. */
    static final double MARGIN = 0.02;

    private ReferenceCards() {}

    static void pin(BufferedImage draft, List<Path> references) throws LocalEngineException {
        if (references.isEmpty()) {
            return;
        }
        int height = Math.max(8, (int) Math.round(draft.getHeight() * HEIGHT));
        int margin = Math.max(1, (int) Math.round(draft.getHeight() * MARGIN));
        int x = margin * 2;
        int top = draft.getHeight() - height - margin * 2;
        Graphics2D g = draft.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (Path file : references) {
                BufferedImage card = LocalEngine.decode(SourceImage.read(file));
                int width = Math.max(1, (int) Math.round((double) card.getWidth() * height / card.getHeight()));
                if (x + width + margin > draft.getWidth()) {
                    break; // no room left on this picture: the rest are left out rather than squeezed
                }
                g.setColor(Color.WHITE);
                g.fillRect(x - margin, top - margin, width + margin * 2, height + margin * 2);
                g.drawImage(card, x, top, width, height, null);
                x += width + margin * 3;
            }
        } finally {
            g.dispose();
        }
    }
}
