-- Working-day calendar (mainland China): one row per loaded year, one row per listed day of it.
-- A year without a row is missing: computations touching it are refused (CALENDAR_YEAR_MISSING), never
-- guessed as Mon–Fri. Bundled years (src/main/resources/calendar/cn/YYYY.json) are inserted at start-up when
-- absent; PUT /api/v1/calendar/years/{year} replaces a year and marks it OPERATOR, which start-up never touches.

create table calendar_year (
    year        integer      primary key check (year between 1900 and 2199),
    source      varchar(500),
    origin      varchar(16)  not null check (origin in ('BUNDLED', 'OPERATOR')),
    checksum    varchar(64),                 -- of the bundled content, to refresh an untouched bundled year
    version     bigint       not null,       -- ETag; replicas reload when it moves
    updated_at  timestamptz  not null
);

create table calendar_day (
    day      date          primary key,
    year     integer       not null references calendar_year (year) on delete cascade,
    name     varchar(100)  not null,
    off_day  boolean       not null,          -- true: day off; false: adjusted working day 调休上班 (Sat/Sun)
    check (extract(year from day) = year),
    check (off_day or extract(isodow from day) in (6, 7))
);
create index calendar_day_year_idx on calendar_day (year);
