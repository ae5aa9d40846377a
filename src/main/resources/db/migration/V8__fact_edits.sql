-- Editing facts on the entity page: a change keeps the whole fact before and after (JSON in the
-- data-file format, so an undo is a re-application), the signed-in editor's id, and which change an
-- undo reversed.
alter table fact_change add column user_id bigint;
alter table fact_change add column undoes bigint;
create index fact_change_fact on fact_change (fact_id, id);

-- An entity's own name is found by the same indexed look-up as its aliases (kind 'name'), so
-- finding an entity by slug, abbreviation, alias or name is one query.
insert into fact_entity_name (entity_id, name, name_key, kind)
    select id, name, lower(name), 'name' from fact_entity;
