package app.kadr.batch;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogModel;
import app.kadr.catalog.Task;
import app.kadr.generation.Generation;
import app.kadr.generation.GenerationPreview;
import app.kadr.generation.GenerationService;
import app.kadr.generation.GenerationStatus;
import app.kadr.generation.NewGeneration;
import app.kadr.shared.Access;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import app.kadr.shared.OwnedKind;
import app.kadr.shared.Problem;
import app.kadr.shared.Rows;
import app.kadr.storyboard.Shot;
import app.kadr.storyboard.StoryboardService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs one model over many shots, each shot's description as the prompt. Every generation is made, checked and priced
 * by the generation module exactly as from the box; a batch only chooses the shots, sums the price first, and keeps
 * which generations it started so that it can count them and cancel them together.
 */
@Service
public class BatchService {

    static final int MAX_SHOTS = 500;
    /** Each shot's description is its prompt, so only models that start from words alone can run over shots. */
    static final Set<Task> TASKS = Set.of(Task.TEXT_TO_IMAGE, Task.TEXT_TO_VIDEO);

    private final Batches batches;
    private final GenerationService generations;
    private final StoryboardService storyboard;
    private final Catalog catalog;
    private final Access access;
    private final Messages messages;

    BatchService(
            Batches batches,
            GenerationService generations,
            StoryboardService storyboard,
            Catalog catalog,
            Access access,
            Messages messages) {
        this.batches = batches;
        this.generations = generations;
        this.storyboard = storyboard;
        this.catalog = catalog;
        this.access = access;
        this.messages = messages;
    }

    /**
     * Starts the batch, or in a dry run only checks and prices it. All or nothing: one bad shot or a refused
     * generation leaves no generation and no batch behind.
     */
    @Transactional
    public BatchPlan start(UUID ownerId, UUID projectId, BatchRequest request) {
        List<Shot> chosen = chosenShots(ownerId, projectId, request.shotIds());
        if (request.modelId() != null) {
            catalog.find(request.modelId())
                    .filter(m -> !TASKS.contains(m.task()))
                    .ifPresent(m -> {
                        throw KadrException.invalid("modelId", "batch.model.task");
                    });
        }
        List<Shot> described =
                chosen.stream().filter(s -> !s.description().isBlank()).toList();
        List<SkippedShot> skipped = chosen.stream()
                .filter(s -> s.description().isBlank())
                .map(s -> new SkippedShot(s.id(), s.number(), SkippedShot.NO_DESCRIPTION))
                .toList();
        if (described.isEmpty()) {
            throw KadrException.invalid("shotIds", "batch.shots.no_description");
        }
        List<BatchItem> items = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        int takes = 0;
        int textOnly = 0;
        List<BatchRow.Started> started = new ArrayList<>();
        for (Shot shot : described) {
            NewGeneration asked = new NewGeneration(
                    request.modelId(), shot.description(), null, request.params(), List.of(), request.count());
            if (request.dry()) {
                GenerationPreview preview = generations.preview(ownerId, shot.id(), asked);
                for (int i = 0; i < preview.generations(); i++) {
                    items.add(new BatchItem(null, shot.id(), shot.number(), BatchItem.PLANNED));
                }
                cost = cost.add(preview.estimatedCost());
                takes += preview.takes();
                textOnly += preview.textOnly() ? 1 : 0;
            } else {
                for (Generation made : generations.generate(ownerId, shot.id(), asked)) {
                    items.add(new BatchItem(made.id(), shot.id(), shot.number(), made.status()));
                    started.add(new BatchRow.Started(started.size(), shot.id(), made.id()));
                    cost = cost.add(made.costEstimate() == null ? BigDecimal.ZERO : made.costEstimate());
                    takes += made.count();
                }
            }
        }
        CatalogModel model = catalog.find(request.modelId()).orElseThrow();
        UUID id = null;
        if (!request.dry()) {
            id = UUID.randomUUID();
            batches.insert(
                    new BatchRow(
                            id,
                            projectId,
                            model.id(),
                            model.name(),
                            request.count() == null ? 1 : request.count(),
                            request.params() == null ? Map.of() : request.params(),
                            skipped.stream().map(SkippedShot::shotId).toList(),
                            cost,
                            Rows.now(),
                            null,
                            null),
                    started);
        }
        return new BatchPlan(id, request.dry(), model.name(), cost, described.size(), takes, items, skipped, textOnly);
    }

    /** The chosen shots in storyboard order; each must be a live shot of this project, named once. */
    private List<Shot> chosenShots(UUID ownerId, UUID projectId, List<UUID> shotIds) {
        Map<UUID, Shot> inProject = storyboard.storyboard(ownerId, projectId).items().stream()
                .collect(Collectors.toMap(Shot::id, Function.identity()));
        if (shotIds == null || shotIds.isEmpty()) {
            throw KadrException.invalid("shotIds", "batch.shots.empty");
        }
        if (shotIds.size() > MAX_SHOTS) {
            throw KadrException.invalid("shotIds", "batch.shots.too_many", MAX_SHOTS);
        }
        if (shotIds.stream().anyMatch(java.util.Objects::isNull) || new HashSet<>(shotIds).size() != shotIds.size()) {
            throw KadrException.invalid("shotIds", "batch.shots.repeated");
        }
        for (UUID id : shotIds) {
            if (!inProject.containsKey(id)) {
                // Someone else's shot, or one in the trash, does not exist; a shot of the person's other film does.
                access.require(ownerId, OwnedKind.SHOT, id);
                throw KadrException.invalid("shotIds", "batch.shots.other_project");
            }
        }
        return shotIds.stream()
                .map(inProject::get)
                .sorted(java.util.Comparator.comparingInt(Shot::number))
                .toList();
    }

    @Transactional(readOnly = true)
    public Batch get(UUID ownerId, UUID batchId) {
        BatchRow row = owned(ownerId, batchId);
        Map<UUID, Integer> numbers = storyboard.storyboard(ownerId, row.projectId()).items().stream()
                .collect(Collectors.toMap(Shot::id, Shot::number));
        return view(ownerId, row, numbers);
    }

    /** The project's batches on show, newest first, with their progress but without their generations. */
    @Transactional(readOnly = true)
    public List<Batch> shown(UUID ownerId, UUID projectId, int limit) {
        access.require(ownerId, OwnedKind.PROJECT, projectId);
        return batches.shownIn(projectId, limit).stream()
                .map(row -> view(ownerId, row, null))
                .toList();
    }

    /**
     * Cancels every unfinished generation of the batch through the generation module's own cancel, each on its own:
     * one that ends meanwhile is simply left as it ended.
     */
    public Batch cancel(UUID ownerId, UUID batchId) {
        BatchRow row = owned(ownerId, batchId);
        batches.markCancelled(batchId);
        Map<UUID, GenerationStatus> statuses = statuses(ownerId, row);
        for (BatchRow.Started one : batches.started(batchId)) {
            GenerationStatus status = statuses.get(one.generationId());
            if (status != null && !status.finished()) {
                try {
                    generations.cancel(ownerId, one.generationId());
                } catch (KadrException e) {
                    if (e.problem() != Problem.CONFLICT) {
                        throw e;
                    }
                }
            }
        }
        return get(ownerId, batchId);
    }

    /** Puts a finished batch away from the storyboard; its generations and takes stay. */
    @Transactional
    public void dismiss(UUID ownerId, UUID batchId) {
        BatchRow row = owned(ownerId, batchId);
        if (!BatchProgress.of(statuses(ownerId, row).values()).finished()) {
            throw KadrException.conflict("batch.dismiss.running");
        }
        batches.dismiss(batchId);
    }

    /** The project a batch belongs to, once it is known to be the person's. */
    @Transactional(readOnly = true)
    public UUID projectOf(UUID ownerId, UUID batchId) {
        return owned(ownerId, batchId).projectId();
    }

    private BatchRow owned(UUID ownerId, UUID batchId) {
        access.require(ownerId, OwnedKind.BATCH, batchId);
        return batches.byId(batchId).orElseThrow(KadrException::notFound);
    }

    private Map<UUID, GenerationStatus> statuses(UUID ownerId, BatchRow row) {
        List<UUID> ids = batches.started(row.id()).stream()
                .map(BatchRow.Started::generationId)
                .toList();
        return generations.statuses(ownerId, row.projectId(), ids);
    }

    /** The batch with its progress; with its generations and left-out shots when the shots' numbers are given. */
    private Batch view(UUID ownerId, BatchRow row, @org.jspecify.annotations.Nullable Map<UUID, Integer> numbers) {
        List<BatchRow.Started> started = batches.started(row.id());
        Map<UUID, GenerationStatus> statuses = generations.statuses(
                ownerId,
                row.projectId(),
                started.stream().map(BatchRow.Started::generationId).toList());
        BatchProgress progress = BatchProgress.of(statuses.values());
        String status = !progress.finished() ? "running" : row.cancelledAt() != null ? "cancelled" : "done";
        List<BatchItem> items = numbers == null
                ? List.of()
                : started.stream()
                        .map(s -> new BatchItem(
                                s.generationId(),
                                s.shotId(),
                                numbers.get(s.shotId()),
                                statuses.getOrDefault(s.generationId(), GenerationStatus.CANCELLED)
                                        .apiName()))
                        .toList();
        List<SkippedShot> skipped = numbers == null
                ? List.of()
                : row.skippedShotIds().stream()
                        .map(id -> new SkippedShot(id, numbers.get(id), SkippedShot.NO_DESCRIPTION))
                        .toList();
        return new Batch(
                row.id(),
                row.projectId(),
                row.modelId(),
                row.modelName(),
                (int) started.stream().map(BatchRow.Started::shotId).distinct().count(),
                row.variants(),
                row.params(),
                status,
                messages.get("batch.status." + status),
                row.estimatedCost(),
                progress,
                items,
                skipped,
                row.createdAt(),
                row.cancelledAt());
    }
}
