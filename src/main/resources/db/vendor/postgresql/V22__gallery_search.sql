-- Prompt search on PostgreSQL: full text with Russian stemming («лиса» finds «лисы», «лисой»), kept in a generated
-- column so that the GIN index and the query use the very same expression. H2 has no full-text stemming; its
-- V22 (db/vendor/h2) only documents the fallback the gallery uses there.

alter table assets add column prompt_search tsvector
    generated always as (to_tsvector('russian', coalesce(prompt, ''))) stored;
create index assets_prompt_search_idx on assets using gin (prompt_search);
