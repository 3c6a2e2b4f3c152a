package app.kadr.batch;

import app.kadr.generation.GenerationStatus;
import java.util.Collection;

/** How far a batch's generations got: how many wait, run, are done, failed or were cancelled. */
public record BatchProgress(int total, int pending, int running, int done, int failed, int cancelled) {

    static BatchProgress of(Collection<GenerationStatus> statuses) {
        int[] counts = new int[GenerationStatus.values().length];
        statuses.forEach(s -> counts[s.ordinal()]++);
        return new BatchProgress(
                statuses.size(),
                counts[GenerationStatus.PENDING.ordinal()],
                counts[GenerationStatus.RUNNING.ordinal()],
                counts[GenerationStatus.DONE.ordinal()],
                counts[GenerationStatus.FAILED.ordinal()],
                counts[GenerationStatus.CANCELLED.ordinal()]);
    }

    public boolean finished() {
        return pending + running == 0;
    }

    /** The share of generations that have ended, 0–100, for the batch's progress bar. */
    public int percent() {
        return total == 0 ? 100 : (done + failed + cancelled) * 100 / total;
    }
}
