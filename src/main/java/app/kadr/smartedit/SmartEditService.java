package app.kadr.smartedit;

import app.kadr.asset.Asset;
import app.kadr.asset.AssetGeneration;
import app.kadr.asset.AssetService;
import app.kadr.element.ElementService;
import app.kadr.generation.Derivation;
import app.kadr.generation.Generation;
import app.kadr.generation.GenerationService;
import app.kadr.shared.KadrException;
import app.kadr.shared.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Smart edits of an asset (preview, then run, possibly with a prompt corrected by hand), its lineage back to the
 * first generation, and repeating or remixing it. Every id is checked against its owner by the asset and generation
 * services, so someone else's asset is «not found».
 */
@Service
public class SmartEditService {

    static final int MAX_INSTRUCTION = 2000;
    static final int MAX_LINEAGE = 100;

    private final Agent agent;
    private final AssetService assets;
    private final GenerationService generations;
    private final Messages messages;
    private final ElementService elements;

    SmartEditService(
            Agent agent,
            AssetService assets,
            GenerationService generations,
            Messages messages,
            ElementService elements) {
        this.elements = elements;
        this.agent = agent;
        this.assets = assets;
        this.generations = generations;
        this.messages = messages;
    }

    /** What the agent (or the offline rules) would make of the request, without running anything. */
    public SmartEdit preview(UUID ownerId, UUID assetId, SmartEditRequest request) {
        AssetGeneration made = madeBy(ownerId, assetId);
        String instruction = instruction(request.instruction());
        String written = written(made);
        Rewrite rewrite = agent.rewrite(written, made.negativePrompt(), made.params(), instruction);
        return result(written, rewrite, null);
    }

    /** Rewrites (or takes the prompt as corrected by hand) and runs it as a new take in the same box. */
    public SmartEdit edit(UUID ownerId, UUID assetId, SmartEditRequest request) {
        AssetGeneration made = madeBy(ownerId, assetId);
        String instruction = instruction(request.instruction());
        String written = written(made);
        Rewrite rewrite = request.prompt() != null && !request.prompt().isBlank()
                ? new Rewrite(
                        request.prompt().strip(),
                        request.negativePrompt() != null ? request.negativePrompt() : made.negativePrompt(),
                        Map.of(),
                        messages.get("smartedit.by_hand"),
                        false)
                : agent.rewrite(written, made.negativePrompt(), made.params(), instruction);
        Generation generation = generations.derive(
                ownerId,
                assetId,
                new Derivation(
                        rewrite.prompt(),
                        rewrite.negativePrompt(),
                        request.modelId(),
                        rewrite.paramChanges(),
                        request.keepSeed() == null || request.keepSeed(),
                        null,
                        instruction));
        return result(written, rewrite, generation);
    }

    /** The same take again with every parameter, the seed included. */
    public Generation repeat(UUID ownerId, UUID assetId) {
        return again(ownerId, assetId, true, "lineage.repeat");
    }

    /** The same take with every parameter but a new seed. */
    public Generation remix(UUID ownerId, UUID assetId) {
        return again(ownerId, assetId, false, "lineage.remix");
    }

    private Generation again(UUID ownerId, UUID assetId, boolean keepSeed, String labelKey) {
        AssetGeneration made = madeBy(ownerId, assetId);
        return generations.derive(
                ownerId,
                assetId,
                new Derivation(
                        written(made), made.negativePrompt(), null, Map.of(), keepSeed, null, messages.get(labelKey)));
    }

    /** The takes from the first generation to this asset, each with the request and the prompt diff that made it. */
    public List<LineageStep> lineage(UUID ownerId, UUID assetId) {
        List<Asset> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Asset current = assets.get(ownerId, assetId);
        while (current != null && seen.add(current.id()) && chain.size() < MAX_LINEAGE) {
            chain.addFirst(current);
            AssetGeneration made = current.generation();
            current = made == null || made.parentAssetId() == null ? null : parentOrNull(ownerId, made.parentAssetId());
        }
        List<LineageStep> steps = new ArrayList<>();
        String previous = null;
        for (Asset asset : chain) {
            AssetGeneration made = asset.generation();
            String prompt = made == null ? "" : made.prompt();
            steps.add(new LineageStep(
                    asset.id(),
                    made == null ? null : made.id(),
                    made == null ? null : made.editInstruction(),
                    prompt,
                    previous == null ? WordDiff.of(prompt, prompt) : WordDiff.of(previous, prompt),
                    made == null ? null : made.modelName(),
                    made == null ? null : made.seed(),
                    asset.urls().get("thumb"),
                    asset.createdAt()));
            previous = prompt;
        }
        return steps;
    }

    /** A parent in the trash or gone ends the lineage there rather than failing it. */
    private @Nullable Asset parentOrNull(UUID ownerId, UUID parentId) {
        try {
            return assets.get(ownerId, parentId);
        } catch (KadrException gone) {
            return null;
        }
    }

    /**
     * The take's prompt as its author wrote it, @mentions and all: an edit or a repeat names the same elements, which
     * the new take expands in their current versions (the stored prompt has an old version's description spelled out).
     */
    private String written(AssetGeneration made) {
        return elements.writtenPrompt(made.id()).orElse(made.prompt());
    }

    private AssetGeneration madeBy(UUID ownerId, UUID assetId) {
        AssetGeneration made = assets.get(ownerId, assetId).generation();
        if (made == null) {
            throw KadrException.invalid("assetId", "smartedit.not_generated");
        }
        return made;
    }

    private static String instruction(@Nullable String instruction) {
        String text = instruction == null ? "" : instruction.strip();
        if (text.isEmpty()) {
            throw KadrException.invalid("instruction", "smartedit.instruction.empty");
        }
        if (text.length() > MAX_INSTRUCTION) {
            throw KadrException.invalid("instruction", "smartedit.instruction.long", MAX_INSTRUCTION);
        }
        return text;
    }

    private static SmartEdit result(String original, Rewrite rewrite, @Nullable Generation generation) {
        return new SmartEdit(
                original,
                rewrite.prompt(),
                rewrite.negativePrompt(),
                rewrite.paramChanges(),
                rewrite.explanation(),
                rewrite.offline(),
                WordDiff.of(original, rewrite.prompt()),
                generation);
    }
}
