-- Several instances behind one balancer, without sticky sessions, need what one process used to keep in memory.

-- Browser sessions (Spring Session JDBC), so a signed-in person stays signed in on any instance and across restarts.
-- The DDL is spring-session-jdbc 4.1's schema-postgresql.sql; BYTEA also means a binary column on H2.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Events between modules (Spring Modulith's event publication registry, schema v2 of spring-modulith-events-jdbc
-- 2.1): a row per event and listener, written in the transaction that published the event, removed once the
-- listener has run, so an event published just before a crash is still delivered. PostgreSQL's version indexes the
-- serialized event with a hash index, which H2 does not have; the publications are few and short-lived, so the
-- index by completion date is kept and the hash index left out.
create table event_publication (
    id uuid not null,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone,
    status text,
    completion_attempts int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
