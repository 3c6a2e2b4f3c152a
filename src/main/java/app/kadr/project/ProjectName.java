package app.kadr.project;

import java.util.UUID;

/** A project's id and name, for pickers and labels that need nothing more. */
public record ProjectName(UUID id, String name) {}
