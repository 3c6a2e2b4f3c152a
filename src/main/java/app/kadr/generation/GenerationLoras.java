package app.kadr.generation;

import app.kadr.catalog.Catalog;
import app.kadr.catalog.CatalogLora;
import app.kadr.catalog.CatalogModel;
import app.kadr.element.Mentions;
import app.kadr.shared.Rows;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The LoRAs a generation's elements brought, each marked sent or not, with the weight it went with: a model sends
 * them where its catalog row maps {@code loras} and only LoRAs of its own provider (a Runware AIR means nothing to
 * fal); the rest are kept as not sent, so the take can say its LoRAs were left out. What is kept is the generation's
 * record of them, read back for the API and the provider's request.
 */
@Component
class GenerationLoras {

    /** Ids per {@code in (…)}, well under what every database takes in one statement. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Catalog catalog;

    GenerationLoras(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** One LoRA as a generation used it: the catalog entry, whose element brought it, and at what weight. */
    record Used(CatalogLora lora, UUID elementId, BigDecimal weight) {}

    record Attached(List<Used> sent, List<Used> notSent) {

        static final Attached NONE = new Attached(List.of(), List.of());

        /**
         * The trigger words of the LoRAs sent that the prompt does not already say, in order, each once: a LoRA
         * trained on a word wakes when the prompt says it.
         */
        List<String> missingTriggers(String prompt) {
            String said = prompt.toLowerCase(Locale.ROOT);
            Set<String> words = new LinkedHashSet<>();
            for (Used used : sent) {
                String word = used.lora().triggerWord().strip();
                if (!word.isEmpty() && !said.contains(word.toLowerCase(Locale.ROOT))) {
                    words.add(word);
                }
            }
            return List.copyOf(words);
        }
    }

    /** What a model does with the elements' LoRAs; an entry deleted from the catalog since is simply left out. */
    Attached split(List<Mentions.ElementLora> asked, CatalogModel model) {
        List<Used> sent = new ArrayList<>();
        List<Used> notSent = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Mentions.ElementLora wanted : asked) {
            if (!seen.add(wanted.loraId())) {
                continue;
            }
            catalog.lora(wanted.loraId()).ifPresent(lora -> {
                boolean takes = model.acceptsLoras()
                        && lora.provider().id().equals(model.provider().id());
                (takes ? sent : notSent).add(new Used(lora, wanted.elementId(), wanted.weight()));
            });
        }
        return new Attached(List.copyOf(sent), List.copyOf(notSent));
    }

    void record(UUID generationId, Attached attached) {
        int position = 0;
        for (Used used : attached.sent()) {
            insert(generationId, position++, used, true);
        }
        for (Used used : attached.notSent()) {
            insert(generationId, position++, used, false);
        }
    }

    Attached of(UUID generationId) {
        record Row(UUID loraId, UUID elementId, BigDecimal weight, boolean sent) {}
        List<Row> rows = jdbc.sql("""
                        select lora_id, element_id, weight, sent from generation_loras
                        where generation_id = ? order by position""")
                .param(generationId)
                .query((rs, n) -> new Row(
                        java.util.Objects.requireNonNull(Rows.uuid(rs, "lora_id")),
                        java.util.Objects.requireNonNull(Rows.uuid(rs, "element_id")),
                        rs.getBigDecimal("weight").stripTrailingZeros(),
                        rs.getBoolean("sent")))
                .list();
        if (rows.isEmpty()) {
            return Attached.NONE;
        }
        List<Used> sent = new ArrayList<>();
        List<Used> notSent = new ArrayList<>();
        for (Row row : rows) {
            catalog.lora(row.loraId())
                    .ifPresent(
                            lora -> (row.sent() ? sent : notSent).add(new Used(lora, row.elementId(), row.weight())));
        }
        return new Attached(List.copyOf(sent), List.copyOf(notSent));
    }

    /** The LoRAs of each of these generations, by generation (those with none left out), read in chunks. */
    java.util.Map<UUID, Attached> of(java.util.Collection<UUID> generationIds) {
        record Row(UUID generationId, UUID loraId, UUID elementId, BigDecimal weight, boolean sent) {}
        java.util.Map<UUID, List<Used>> sent = new java.util.HashMap<>();
        java.util.Map<UUID, List<Used>> notSent = new java.util.HashMap<>();
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(generationIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("""
                            select generation_id, lora_id, element_id, weight, sent from generation_loras
                            where generation_id in (:ids) order by generation_id, position""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> new Row(
                            java.util.Objects.requireNonNull(Rows.uuid(rs, "generation_id")),
                            java.util.Objects.requireNonNull(Rows.uuid(rs, "lora_id")),
                            java.util.Objects.requireNonNull(Rows.uuid(rs, "element_id")),
                            rs.getBigDecimal("weight").stripTrailingZeros(),
                            rs.getBoolean("sent")))
                    .list()
                    .forEach(row -> catalog.lora(row.loraId())
                            .ifPresent(lora -> (row.sent() ? sent : notSent)
                                    .computeIfAbsent(row.generationId(), g -> new ArrayList<>())
                                    .add(new Used(lora, row.elementId(), row.weight()))));
        }
        java.util.Map<UUID, Attached> attached = new java.util.HashMap<>();
        for (UUID id : ids) {
            List<Used> went = sent.getOrDefault(id, List.of());
            List<Used> left = notSent.getOrDefault(id, List.of());
            if (!went.isEmpty() || !left.isEmpty()) {
                attached.put(id, new Attached(List.copyOf(went), List.copyOf(left)));
            }
        }
        return attached;
    }

    private void insert(UUID generationId, int position, Used used, boolean sent) {
        jdbc.sql("""
                        insert into generation_loras (generation_id, position, lora_id, element_id, weight, sent)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(generationId, position, used.lora().id(), used.elementId(), used.weight(), sent)
                .update();
    }
}
