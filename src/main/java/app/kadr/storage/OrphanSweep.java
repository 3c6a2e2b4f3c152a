package app.kadr.storage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes blobs that no row owns and that are older than {@code kadr.storage.orphan-min-age}: files of uploads
 * whose transaction never committed, of a process killed mid-write, of rows deleted since. Unused local copies of a
 * bucket's blobs go too.
 */
@Component
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
    private static final int BATCH = 500;

    /** What a sweep saw and did. */
    public record Result(int blobs, int oldEnough, int removed, int localCopiesRemoved) {}

    private final BlobStore blobs;
    private final List<BlobOwners> owners;
    private final StorageSettings settings;
    private final LocalCopies copies;

    OrphanSweep(BlobStore blobs, List<BlobOwners> owners, StorageSettings settings, LocalCopies copies) {
        this.blobs = blobs;
        this.owners = owners;
        this.settings = settings;
        this.copies = copies;
    }

    /** One sweep with the configured minimum age. */
    public Result sweep() throws IOException {
        return sweep(Instant.now().minus(settings.orphanMinAge()));
    }

    /** One sweep of the blobs last written before the given moment. */
    Result sweep(Instant writtenBefore) throws IOException {
        List<String> candidates = new ArrayList<>();
        int[] seen = {0};
        blobs.forEach(blob -> {
            seen[0]++;
            if (blob.lastModified().isBefore(writtenBefore)) {
                candidates.add(blob.key());
            }
        });
        int removed = 0;
        for (int from = 0; from < candidates.size(); from += BATCH) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
            Set<String> owned = new HashSet<>();
            for (BlobOwners owner : owners) {
                owned.addAll(owner.owned(batch));
            }
            for (String key : batch) {
                if (!owned.contains(key)) {
                    blobs.delete(key);
                    removed++;
                }
            }
        }
        int copiesRemoved = copies.removeUnused(settings.localCopyIdle());
        Result result = new Result(seen[0], candidates.size(), removed, copiesRemoved);
        log.info(
                "Storage sweep: {} blobs, {} older than the minimum age, {} orphans removed, {} local copies removed",
                result.blobs(),
                result.oldEnough(),
                result.removed(),
                result.localCopiesRemoved());
        return result;
    }
}
