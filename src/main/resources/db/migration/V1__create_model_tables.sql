-- Reference data of the MPEM paper. Rows are keyed by stable codes so that code, tests, exports
-- and other tables refer to codes, never to generated ids.

create table categories (
    code        varchar(40)  not null primary key,
    position    integer      not null unique,
    name        varchar(100) not null,
    short_name  varchar(40)  not null
);

create table dimensions (
    code          varchar(40)   not null primary key,
    category_code varchar(40)   not null references categories (code),
    position      integer       not null unique,
    name          varchar(100)  not null,
    description   varchar(2000) not null
);

create table levels (
    level_number integer       not null primary key,
    name         varchar(40)   not null unique,
    narrative    varchar(8000) not null
);

create table level_descriptors (
    dimension_code varchar(40)   not null references dimensions (code),
    level_number   integer       not null references levels (level_number),
    descriptor     varchar(2000) not null,
    primary key (dimension_code, level_number)
);

-- name is null where the paper's Table 2 leaves the business outcome blank; note says so.
create table outcomes (
    code     varchar(40)   not null primary key,
    position integer       not null unique,
    name     varchar(200),
    note     varchar(1000)
);

create table outcome_scenarios (
    outcome_code varchar(40)   not null references outcomes (code),
    position     integer       not null,
    scenario     varchar(1000) not null,
    primary key (outcome_code, position)
);

-- paper_label keeps the paper's own wording ("Reach", "Strategy and vision") next to the
-- dimension it means.
create table outcome_dimensions (
    outcome_code   varchar(40)  not null references outcomes (code),
    position       integer      not null,
    dimension_code varchar(40)  not null references dimensions (code),
    paper_label    varchar(100) not null,
    primary key (outcome_code, position),
    constraint uq_outcome_dimensions_dimension unique (outcome_code, dimension_code)
);
