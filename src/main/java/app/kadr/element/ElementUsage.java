package app.kadr.element;

import app.kadr.asset.Asset;
import app.kadr.storyboard.Shot;
import java.util.List;

/** Where an element is used: the shots that feature it, in storyboard order, and the takes made with it. */
public record ElementUsage(Element element, List<Shot> shots, List<Asset> takes) {}
