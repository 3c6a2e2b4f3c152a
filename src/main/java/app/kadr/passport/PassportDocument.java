package app.kadr.passport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything one export writes: the project, the moment of the export and the rows in storyboard order. */
record PassportDocument(UUID projectId, String projectName, Instant exportedAt, List<PassportRow> rows) {}
