package app.kadr.storyboard;

import java.util.List;

/** A project's shots in order, with the version of that order that a reorder must name. */
public record Storyboard(List<Shot> items, long version) {}
