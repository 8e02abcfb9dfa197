-- Signed-in sessions move to a table of the portal's own (StoredSessions): one row per session with a
-- version that moves whenever its attributes change, so that an instance holding that version in
-- memory reads only the row's head. Sessions of Spring Session JDBC are not carried over: whoever
-- was signed in signs in again once.

create table web_sessions (
    session_id            varchar(64)  not null,
    version               bigint       not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    attributes            bytea        not null,
    constraint web_sessions_pk primary key (session_id)
);

create index web_sessions_expiry on web_sessions (expiry_time);
create index web_sessions_principal on web_sessions (principal_name);

drop table spring_session_attributes;
drop table spring_session;
