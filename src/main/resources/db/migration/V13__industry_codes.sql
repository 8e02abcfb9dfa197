-- Industries from a fixed list with stable codes (benchmarks compare organisations of one industry).
-- Free text stored so far becomes the code it names -- the code or the English name, whatever its
-- case, spaces, underscores, hyphens and ampersands, as organisation.Industry.of reads it -- and
-- anything else becomes OTHER with the words kept in industry_other. Blank text becomes no industry.
alter table organisations add column industry_other varchar(200);

update organisations set industry = null where trim(industry) = '';

update organisations set industry_other = industry, industry = 'OTHER'
where industry is not null and upper(replace(replace(replace(replace(trim(industry), ' ', ''), '_', ''), '-', ''), '&', '')) not in ('CONSUMERGOODS', 'EDUCATION', 'ENERGYANDUTILITIES', 'ENERGYUTILITIES', 'FINANCIALSERVICES', 'HEALTHCARE', 'INSURANCE', 'MANUFACTURING', 'OTHER', 'PUBLICSECTOR', 'RETAIL', 'TECHNOLOGY', 'TELECOMANDMEDIA', 'TELECOMMEDIA', 'TRAVELANDHOSPITALITY', 'TRAVELHOSPITALITY');

update organisations set industry = case upper(replace(replace(replace(replace(trim(industry), ' ', ''), '_', ''), '-', ''), '&', ''))
        when 'RETAIL' then 'RETAIL'
        when 'CONSUMERGOODS' then 'CONSUMER_GOODS'
        when 'FINANCIALSERVICES' then 'FINANCIAL_SERVICES'
        when 'INSURANCE' then 'INSURANCE'
        when 'HEALTHCARE' then 'HEALTHCARE'
        when 'TELECOMANDMEDIA' then 'TELECOM_MEDIA'
        when 'TELECOMMEDIA' then 'TELECOM_MEDIA'
        when 'TECHNOLOGY' then 'TECHNOLOGY'
        when 'TRAVELANDHOSPITALITY' then 'TRAVEL_HOSPITALITY'
        when 'TRAVELHOSPITALITY' then 'TRAVEL_HOSPITALITY'
        when 'MANUFACTURING' then 'MANUFACTURING'
        when 'ENERGYANDUTILITIES' then 'ENERGY_UTILITIES'
        when 'ENERGYUTILITIES' then 'ENERGY_UTILITIES'
        when 'PUBLICSECTOR' then 'PUBLIC_SECTOR'
        when 'EDUCATION' then 'EDUCATION'
        when 'OTHER' then 'OTHER'
    end
where industry is not null and industry_other is null;

alter table organisations add constraint ck_organisations_industry check (industry in ('RETAIL', 'CONSUMER_GOODS', 'FINANCIAL_SERVICES', 'INSURANCE', 'HEALTHCARE', 'TELECOM_MEDIA', 'TECHNOLOGY', 'TRAVEL_HOSPITALITY', 'MANUFACTURING', 'ENERGY_UTILITIES', 'PUBLIC_SECTOR', 'EDUCATION', 'OTHER'));
create index ix_organisations_industry on organisations (industry);
