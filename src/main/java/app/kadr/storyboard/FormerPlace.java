package app.kadr.storyboard;

import org.jspecify.annotations.Nullable;

/** Where a trashed shot stood: its 1-based number and its neighbours at the moment it was trashed. */
record FormerPlace(@Nullable Integer position, Neighbours around) {}
