-- The portfolio's read model (portfolio.PortfolioProjection): one row per organisation with a
-- completed assessment, its latest one (latest date, then highest id) with every dimension's current
-- and target level in a column of its own and the category and overall averages of the current
-- levels. The portal rebuilds an organisation's row in the transaction of each change that can move
-- it; portfolio_state.version counts the rebuilds (caches of figures drawn from it key on it).
-- Derived data: not exported, rebuilt after an import.
create table portfolio_entries (
    organisation_id bigint primary key references organisations (id),
    assessment_id bigint not null references assessments (id),
    assessed_on date not null,
    industry varchar(40),
    industry_other varchar(200),
    name varchar(200) not null,
    name_key varchar(200) not null,
    title varchar(200) not null,
    extent_current integer,
    extent_target integer,
    channel_reach_current integer,
    channel_reach_target integer,
    accuracy_and_learnability_current integer,
    accuracy_and_learnability_target integer,
    scope_current integer,
    scope_target integer,
    strategy_current integer,
    strategy_target integer,
    technology_current integer,
    technology_target integer,
    measurement_current integer,
    measurement_target integer,
    security_and_privacy_current integer,
    security_and_privacy_target integer,
    financial_effectiveness_current integer,
    financial_effectiveness_target integer,
    expertise_current integer,
    expertise_target integer,
    culture_current integer,
    culture_target integer,
    functional_average double precision,
    organizational_average double precision,
    people_average double precision,
    overall_average double precision
);
create index ix_portfolio_entries_industry on portfolio_entries (industry, assessed_on);
create index ix_portfolio_entries_assessed_on on portfolio_entries (assessed_on);

create table portfolio_state (
    id      integer primary key,
    version bigint not null
);
insert into portfolio_state (id, version) values (1, 0);

-- The same statement as PortfolioProjection.fill for every organisation.
insert into portfolio_entries (organisation_id, assessment_id, assessed_on, industry, industry_other, name, name_key, title, extent_current, extent_target, channel_reach_current, channel_reach_target, accuracy_and_learnability_current, accuracy_and_learnability_target, scope_current, scope_target, strategy_current, strategy_target, technology_current, technology_target, measurement_current, measurement_target, security_and_privacy_current, security_and_privacy_target, financial_effectiveness_current, financial_effectiveness_target, expertise_current, expertise_target, culture_current, culture_target, functional_average, organizational_average, people_average, overall_average)
select l.organisation_id,
    l.id,
    l.assessed_on,
    o.industry,
    o.industry_other,
    o.name,
    o.name_key,
    l.title,
    max(case when r.dimension_code = 'EXTENT' then r.current_level end),
    max(case when r.dimension_code = 'EXTENT' then r.target_level end),
    max(case when r.dimension_code = 'CHANNEL_REACH' then r.current_level end),
    max(case when r.dimension_code = 'CHANNEL_REACH' then r.target_level end),
    max(case when r.dimension_code = 'ACCURACY_AND_LEARNABILITY' then r.current_level end),
    max(case when r.dimension_code = 'ACCURACY_AND_LEARNABILITY' then r.target_level end),
    max(case when r.dimension_code = 'SCOPE' then r.current_level end),
    max(case when r.dimension_code = 'SCOPE' then r.target_level end),
    max(case when r.dimension_code = 'STRATEGY' then r.current_level end),
    max(case when r.dimension_code = 'STRATEGY' then r.target_level end),
    max(case when r.dimension_code = 'TECHNOLOGY' then r.current_level end),
    max(case when r.dimension_code = 'TECHNOLOGY' then r.target_level end),
    max(case when r.dimension_code = 'MEASUREMENT' then r.current_level end),
    max(case when r.dimension_code = 'MEASUREMENT' then r.target_level end),
    max(case when r.dimension_code = 'SECURITY_AND_PRIVACY' then r.current_level end),
    max(case when r.dimension_code = 'SECURITY_AND_PRIVACY' then r.target_level end),
    max(case when r.dimension_code = 'FINANCIAL_EFFECTIVENESS' then r.current_level end),
    max(case when r.dimension_code = 'FINANCIAL_EFFECTIVENESS' then r.target_level end),
    max(case when r.dimension_code = 'EXPERTISE' then r.current_level end),
    max(case when r.dimension_code = 'EXPERTISE' then r.target_level end),
    max(case when r.dimension_code = 'CULTURE' then r.current_level end),
    max(case when r.dimension_code = 'CULTURE' then r.target_level end),
    avg(case when r.dimension_code in ('EXTENT', 'CHANNEL_REACH', 'ACCURACY_AND_LEARNABILITY', 'SCOPE') then cast(r.current_level as double precision) end),
    avg(case when r.dimension_code in ('STRATEGY', 'TECHNOLOGY', 'MEASUREMENT', 'SECURITY_AND_PRIVACY', 'FINANCIAL_EFFECTIVENESS') then cast(r.current_level as double precision) end),
    avg(case when r.dimension_code in ('EXPERTISE', 'CULTURE') then cast(r.current_level as double precision) end),
    avg(cast(r.current_level as double precision))
from (select a.id, a.organisation_id, a.assessed_on, a.title, row_number() over
        (partition by a.organisation_id order by a.assessed_on desc, a.id desc) as position
      from assessments a where a.status = 'COMPLETED') l
join organisations o on o.id = l.organisation_id
left join ratings r on r.assessment_id = l.id
where l.position = 1
group by l.organisation_id, l.id, l.assessed_on, o.industry, o.industry_other, o.name, o.name_key, l.title;
