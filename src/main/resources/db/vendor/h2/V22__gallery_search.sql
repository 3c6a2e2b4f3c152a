-- Prompt search on H2: no full-text stemming here, so the gallery matches each word of the query as a
-- case-insensitive substring of the prompt (LIKE, no index). PostgreSQL's V22 adds the Russian full-text index.

comment on column assets.prompt is 'The prompt of the generation that made the take; searched with LIKE on H2';
