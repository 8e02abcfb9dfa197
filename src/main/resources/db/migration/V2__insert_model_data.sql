-- The LTIMindtree Personalization Effectiveness Model (MPEM), version 1.0, by Bismi Ravindran and
-- Apoorv Durga, LTIMindtree, licensed under Creative Commons Attribution-ShareAlike.
-- Transcribed from the paper: Table 1 (categories, dimensions), sections 5.1-5.5 (levels),
-- Table 3 (descriptors) and Table 2 (business outcomes). Conversion leftovers (HTML, bullets) are
-- removed; the words are the paper's. Line breaks stand where the paper breaks a list or paragraph.

insert into categories (code, position, name, short_name) values
    ('FUNCTIONAL',     1, 'Functional effectiveness',     'Functional'),
    ('ORGANIZATIONAL', 2, 'Organizational effectiveness', 'Organizational'),
    ('PEOPLE',         3, 'People effectiveness',         'People');

insert into dimensions (code, category_code, position, name, description) values
    ('EXTENT', 'FUNCTIONAL', 1, 'Extent',
     'Extent and complexity of personalization capabilities. Also included is the degree of automation.'),
    ('CHANNEL_REACH', 'FUNCTIONAL', 2, 'Channel reach',
     'Channels targeted by personalization initiatives'),
    ('ACCURACY_AND_LEARNABILITY', 'FUNCTIONAL', 3, 'Accuracy and learnability',
     'Ability to change personalization strategy based on feedback, i.e., the extent to which the personalization campaign is self-correcting and adaptable'),
    ('SCOPE', 'FUNCTIONAL', 4, 'Scope',
     'Scope of personalization in terms of support for varied use cases or target audience.'),
    ('STRATEGY', 'ORGANIZATIONAL', 5, 'Strategy',
     'Strategy as well as a roadmap for personalization for meeting specific objectives including:
Mission
Leadership
Top management commitment'),
    ('TECHNOLOGY', 'ORGANIZATIONAL', 6, 'Technology',
     'Architecture including the capability to satisfy non-functional requirements such as scalability and reliability. Also encompasses cloud and infrastructure readiness, data management, big data etc.'),
    ('MEASUREMENT', 'ORGANIZATIONAL', 7, 'Measurement',
     'Extent of reporting and analytics capabilities to measure impact of personalization.'),
    ('SECURITY_AND_PRIVACY', 'ORGANIZATIONAL', 8, 'Security and privacy',
     'Extent to which security implications are understood and appropriate procedures put in place. Also includes legal, ethical and moral considerations.'),
    ('FINANCIAL_EFFECTIVENESS', 'ORGANIZATIONAL', 9, 'Financial effectiveness',
     'Financial readiness refers to an organization''s ability to understand aspects related to costing, budgeting as well as revenues. These include understanding of upfront costs, revenue generation, billing mechanisms, maintenance costs, upgrade costs, licensing costs and any other such aspects.'),
    ('EXPERTISE', 'PEOPLE', 10, 'Expertise',
     'IT and business expertise: IT expertise includes knowledge of core IT areas as well as personalization specific expertise. Business expertise refers to a deep understanding of domains that require personalization.'),
    ('CULTURE', 'PEOPLE', 11, 'Culture',
     'Extent to which personalization is part of an organization''s culture. Does the organization''s culture encourage use of personalization? Includes values, beliefs, behavior and ability to adapt.');

insert into levels (level_number, name, narrative) values
    (1, 'Basic',
     'At Level 1, organizations implement very basic personalization such as personalized greetings in e-mail delivery. Channels are limited - mostly to emails. There is neither a personalization strategy in place, nor a well-defined set of metrics to measure effectiveness. Hence, no specific investment is made in necessary infrastructure, technology and skills to realize personalization. Security and privacy policies are driven by organizational information security guidelines; Personalized engagement or information delivery is not a key priority. There is little organizational alignment or leadership commitment, and personalization initiatives largely remain individual-driven.'),
    (2, 'Foundational',
     'At this level of personalization, organizations implement explicit role-based customization to target content to users, delivered mostly via websites and emails. Personalization logic is pre-defined and manually coded or configured. There are no well-defined metrics at this stage, outcome is adjusted based on feedback and basic usage reporting. Recommendations are manual and largely depend on individual understanding and effectiveness. While there is a good appreciation of the need for personalization vision and strategy, they are not developed and operationalized. Leadership understands the importance of personalization as a tool to drive customer centricity, however organization-wide awareness continues to lag. Initiatives are driven in a few departments such as marketing and customer services with disjointed efforts led by a handful of star employees.'),
    (3, 'Intermediate',
     'Organizations at the Intermediate level are those that have made efforts to understand customers, with defined segments based on demographics and historical data. Rule-based personalization with pre-defined segments and experience optimization based on feedback loop or A/B testing are common. Personalization covers most digital channels such as email, web, mobile and social. Sufficient metrics to measure A/B test outcomes are defined and used to optimize experience. At this level, personalization is applied to offers and product recommendations in addition to content promotions. Some level of transactional experience personalization, such as personalized catalogs, is also common.

With management commitment and sponsorship, the organization is driving towards clear strategy and a long-term vision. This results in investments in infrastructure, enterprise software stacks and skills. Expenditures are evaluated at a granular level with respect to ROI. Essentially, organizations have a better understanding of build vs buy, wisely managing and optimizing capex and opex. In addition to analytics and usage reports, each department develops the capability to measure impact of personalization and maps it to business objectives. Clarity in personalization strategy encourages them to revisit privacy norms in the light of personalization. Organizations at this level understand the value of being customer-centric and start planning around the behavioral, system and process changes required for effective personalization.'),
    (4, 'Mature',
     'Organizations at Level 4 have achieved a firm grip on the different aspects of personalization. Complexity of scenarios as well as governance of personalization is at a mature stage. Organizations have a well-defined approach to define personas and have invested in systems to drive dynamic segmentations, realizing insights-driven personalization. Systems are integrated to build complete 360-degree profiles of customers, thus, improving reach across online and offline channels. Advanced analytics and reporting provide a mechanism to identify personalization issues and resolve them based on insights.

Customer-centricity is ingrained in the organizational culture. It is intrinsic in employees'' approach to customer engagements and interactions. Organizations invest in infrastructure, tools and skills to bring scale to drive personalization initiatives. Dedicated personalization engine, investment in advanced personalization of products, analytics and reporting engines are commonly seen in such organizations. Compliance with legal and ethical aspects are explored and included in organizational policies.'),
    (5, 'Leader',
     'Artificial Intelligence (AI) driven contextual and individualized engagements characterize Level 5 of personalization. Dynamic personas, pattern matching algorithms for segmentation, retrospection and self-healing algorithms, and predictive analytics are some of the key aspects visible at this level. Omni-channel support is not limited to supporting multiple traditional channels. It includes several newer channels such as IoT or conversational channels like voice assistants, offering a seamless and unified experience across channels. It also includes a feedback loop across channels and devices that further optimizes personalization outcomes. The scope of personalization covers overall engagement and all interactions are context-aware. Personalization strategy is well defined and aligned with stakeholders at various levels. It includes feature roadmap, implementation roadmap, metrics for measurement and optimization strategies. Progress is tracked closely; course correction is implemented at checkpoints as defined in personalization governance. Innovation and future state optimizations are an integral part of the process.

Measurement criteria are standardized and adopted organization-wide, and systems are established to capture and publish KPI reporting. Security policies are well-defined to address nuances of personalization scenarios. Processes, audits and shared services are established to proactively address new threats. Financial effectiveness is measured objectively. Models are devised to simulate and predict outcomes for potential investments. Systems and processes to implement charge back model, budget allocations and performance optimization are clearly established.

Adequate investments in infrastructure and systems enable accurate and automated personalization at scale. Business and IT are equipped with the right skills to handle rising customer expectations and newer engagement channels. Innovation is a focus area and draws appropriate investments by the organization. Customer delight is core to the organizational DNA. It is no longer a stand-alone initiative but a foundation for all other initiatives in the organization.');

insert into level_descriptors (dimension_code, level_number, descriptor) values
    ('EXTENT', 1, 'Really basic personalization such as replacing generic terms such as "dear user" with specifics such as "Dear Ms Username". No automation for personalization realization. Automated dispatch of mail delivery.'),
    ('EXTENT', 2, 'Role-based customization; targeting content based on user''s role. Mostly explicit personalization.'),
    ('EXTENT', 3, 'Rules-based personalization; some (mostly static) segmentation. Personalization with experience optimization (A/B testing, experience optimization based on feedback loop).'),
    ('EXTENT', 4, 'Personas & dynamic segmentation, insights driven /predictive.'),
    ('EXTENT', 5, 'Contextual & individual engagement mostly driven by AI and ML techniques that replace rules-based personalization with those based on machine learning algorithms. Mostly implicit personalization.'),

    ('CHANNEL_REACH', 1, 'Personalization limited to emails, mostly via basic techniques such as addressing recipients by their name.'),
    ('CHANNEL_REACH', 2, 'Can personalize content and websites in addition to email.'),
    ('CHANNEL_REACH', 3, 'Personalization covers most digital channels - email, web, social.'),
    ('CHANNEL_REACH', 4, 'Multi-channel - includes mobile as well as physical channels such as store or point of sale.'),
    ('CHANNEL_REACH', 5, 'Level 4 capabilities plus cognitive capabilities. Omni-channel personalization strategies that go beyond multi-channel and provide a truly personalized experience across channels and devices.'),

    ('ACCURACY_AND_LEARNABILITY', 1, 'No mechanism to measure accuracy and make course corrections.'),
    ('ACCURACY_AND_LEARNABILITY', 2, 'Manual intervention and some course correction possible.'),
    ('ACCURACY_AND_LEARNABILITY', 3, 'Test results (e.g., A/B or multivariate testing) provide a strong basis to change personalization outcomes'),
    ('ACCURACY_AND_LEARNABILITY', 4, 'Analytics and reports provide capabilities to identify personalization issues and resolve them based on insights.'),
    ('ACCURACY_AND_LEARNABILITY', 5, 'Retrospection & self-healing (or corrections) considered in AI algorithms to minimize adverse effects due to echoed affirmations / choices.'),

    ('SCOPE', 1, 'Scope limited to personalization of text messages.'),
    ('SCOPE', 2, 'Can personalize content recommendations.'),
    ('SCOPE', 3, 'Personalized offers and product recommendations. Also, some level of shopping experience personalization'),
    ('SCOPE', 4, 'Product as well as service personalization.'),
    ('SCOPE', 5, 'Covers the overall experience and engagement optimization. All messaging contextual in nature.'),

    ('STRATEGY', 1, 'No real strategy for personalization.'),
    ('STRATEGY', 2, 'Good understanding of the need to have a strategy and vision in place for personalization and related initiatives.'),
    ('STRATEGY', 3, 'Actively working on a strategy and a long-term vision for using personalization; Management commitment and sponsorship in place.'),
    ('STRATEGY', 4, 'Roadmap for personalization features and integration with external channels or applications is defined and plans to achieve the same and measure KPI are in place.'),
    ('STRATEGY', 5, 'Roadmap of custom features and integration with enterprise applications is well defined and all stakeholders are aligned with high level strategy plan Progress on this roadmap and KPI is published at regular intervals and course correction process is defined. Identifying possibilities of future state personalization is an ongoing process.'),

    ('TECHNOLOGY', 1, 'There is no separate infrastructure for personalization initiatives.'),
    ('TECHNOLOGY', 2, 'Some additional infrastructure has been procured to support personalization initiatives.'),
    ('TECHNOLOGY', 3, 'Personalization is part of some of the enterprise software such as WCM or email marketing.'),
    ('TECHNOLOGY', 4, 'Dedicated personalization engine and investment in advanced personalization products such as CDPs'),
    ('TECHNOLOGY', 5, 'Ability to measure and extract benefits of cloud models, accurately predict and model performance characteristics'),

    ('MEASUREMENT', 1, 'There is no measurement other than basic user and content metrics.'),
    ('MEASUREMENT', 2, 'Understand the importance of measuring and are planning to implement basic reporting.'),
    ('MEASUREMENT', 3, 'Each department or group has its own measurement criteria as well as its own reporting and analytics. There is some capability to do data modeling based on business objectives and measure engagement metrics for users and content.'),
    ('MEASUREMENT', 4, 'Planning to implement organization wide measurement capabilities. Ability to measure domain specific metrics, such as customer lifetime value (LTV) and monitor them for specific objectives.'),
    ('MEASUREMENT', 5, 'Organization wide analytics and measurement defined along with key performance indicators (KPIs)'),

    ('SECURITY_AND_PRIVACY', 1, 'Capability to create roles, assigning privilege, support for secure protocol, IP whitelisting and enforcing demographic restrictions.'),
    ('SECURITY_AND_PRIVACY', 2, 'Assigning multiple roles to single user, capability to encrypt assets in repository and integration with single sign-on systems.'),
    ('SECURITY_AND_PRIVACY', 3, 'Growing understanding of privacy and legal issues related to personalization. Some efforts in place to define privacy norms.'),
    ('SECURITY_AND_PRIVACY', 4, 'Compliance with legal and ethical aspects such as privacy norms and GDPR.'),
    ('SECURITY_AND_PRIVACY', 5, 'Security is an organization-level shared service with processes to address new threats in a timely manner.'),

    ('FINANCIAL_EFFECTIVENESS', 1, 'Not much appreciation for overall costs or financial implications of implementing a personalization system.'),
    ('FINANCIAL_EFFECTIVENESS', 2, 'Budgeting and a good understanding of total costs and estimates is in place. Corporate level initiative'),
    ('FINANCIAL_EFFECTIVENESS', 3, 'Good understanding of all types of costs as well as processes for managing costs, ability to make between build vs buy decisions and so on.'),
    ('FINANCIAL_EFFECTIVENESS', 4, 'Good understanding of revenue side - including charge-back mechanisms backed by appropriate charge-back models.'),
    ('FINANCIAL_EFFECTIVENESS', 5, 'Non-traditional costing and revenue models such as cloud/ SaaS-based pricing models are regularly used for optimization'),

    ('EXPERTISE', 1, 'Low domain and tool knowledge; no alignment between IT and business.'),
    ('EXPERTISE', 2, 'Some exposure to personalization tools; mostly driven by ''star'' employees in business and IT.'),
    ('EXPERTISE', 3, 'Both IT and business understand the importance of personalization and collaborate for success.'),
    ('EXPERTISE', 4, 'Managing personalization systems is a core IT skill for the organization.'),
    ('EXPERTISE', 5, 'Business and IT expertise in domain and technology. Both IT and business are well equipped in handling personalization needs for future business requirements'),

    ('CULTURE', 1, 'No organizational culture when it comes to personalization. Most implementations are based on individual efforts.'),
    ('CULTURE', 2, 'Top management wants personalization as a way to improve customer centricity. But employees are still not familiar with benefits of customer centricity.'),
    ('CULTURE', 3, 'Leaders and top management actively encourage personalization as a way to improve customer satisfaction.'),
    ('CULTURE', 4, 'Customer centricity is engrained in the organization''s culture and every employee understands the importance of personalization to ensure customer success.'),
    ('CULTURE', 5, 'Personalization is such an integral part of organization''s culture that it no longer exists as a separate initiative. It is an important part of all initiatives.');

-- Table 2. The seventh row of the paper's table has scenarios and dimensions but no business
-- outcome: its name stays null and the note says so rather than inventing one.
insert into outcomes (code, position, name, note) values
    ('WIDEN_REACH',                       1, 'Widen reach', null),
    ('SELL_MORE',                         2, 'Sell more', null),
    ('REPEAT_SELL',                       3, 'Repeat sell', null),
    ('CONVERT_FASTER',                    4, 'Convert faster', null),
    ('INCREASE_SATISFACTION',             5, 'Increase satisfaction', null),
    ('CREATE_DIFFERENTIATED_EXPERIENCES', 6, 'Create differentiated experiences', null),
    ('UNNAMED_ROW_7',                     7, null,
     'The paper''s Table 2 leaves the business outcome of this row blank. Its scenarios and key influential dimensions are shown as printed.');

insert into outcome_scenarios (outcome_code, position, scenario) values
    ('WIDEN_REACH', 1, 'Search engines'),
    ('WIDEN_REACH', 2, 'Targeted ads'),
    ('WIDEN_REACH', 3, 'Channel investments'),

    ('SELL_MORE', 1, 'Upsell, cross-sell based on related items'),
    ('SELL_MORE', 2, 'Personalized bundling'),
    ('SELL_MORE', 3, 'Propensity-based upsell, cross-sell'),

    ('REPEAT_SELL', 1, 'Targeting based on seasonal/ periodic events'),
    ('REPEAT_SELL', 2, 'Targeting based on life events'),
    ('REPEAT_SELL', 3, 'Targeting based on product/ service characteristics such as consumption pattern, frequency, desired life tie'),
    ('REPEAT_SELL', 4, 'Targeting at peak experience'),

    ('CONVERT_FASTER', 1, 'Content personalization'),
    ('CONVERT_FASTER', 2, 'Personalized shortcuts to actions and content'),
    ('CONVERT_FASTER', 3, 'Contextual interaction across online and offline channels'),

    ('INCREASE_SATISFACTION', 1, 'Capturing customer preferences'),
    ('INCREASE_SATISFACTION', 2, 'Personalized interactions based on declared preferences'),
    ('INCREASE_SATISFACTION', 3, 'Inferring undeclared preferences based on interaction history'),

    ('CREATE_DIFFERENTIATED_EXPERIENCES', 1, 'Unexpected rewards'),
    ('CREATE_DIFFERENTIATED_EXPERIENCES', 2, 'Learning from online/ offline interactions to deliver delightful experiences'),

    ('UNNAMED_ROW_7', 1, 'Analyzing declared profile'),
    ('UNNAMED_ROW_7', 2, 'Analyzing Third party data'),
    ('UNNAMED_ROW_7', 3, 'Analyzing data from systems of transactions'),
    ('UNNAMED_ROW_7', 4, 'Analyzing customer engagement patterns and history');

insert into outcome_dimensions (outcome_code, position, dimension_code, paper_label) values
    ('WIDEN_REACH', 1, 'CHANNEL_REACH', 'Channel reach'),
    ('WIDEN_REACH', 2, 'EXTENT', 'Extent'),
    ('WIDEN_REACH', 3, 'SCOPE', 'Scope'),
    ('WIDEN_REACH', 4, 'STRATEGY', 'Strategy'),

    ('SELL_MORE', 1, 'EXTENT', 'Extent'),
    ('SELL_MORE', 2, 'CHANNEL_REACH', 'Channel reach'),
    ('SELL_MORE', 3, 'SCOPE', 'Scope'),
    ('SELL_MORE', 4, 'STRATEGY', 'Strategy and vision'),

    ('REPEAT_SELL', 1, 'EXTENT', 'Extent'),
    ('REPEAT_SELL', 2, 'SCOPE', 'Scope'),
    ('REPEAT_SELL', 3, 'CHANNEL_REACH', 'Channel reach'),
    ('REPEAT_SELL', 4, 'TECHNOLOGY', 'Technology'),

    ('CONVERT_FASTER', 1, 'SCOPE', 'Scope'),
    ('CONVERT_FASTER', 2, 'CHANNEL_REACH', 'Reach'),
    ('CONVERT_FASTER', 3, 'TECHNOLOGY', 'Technology'),
    ('CONVERT_FASTER', 4, 'STRATEGY', 'Strategy'),

    ('INCREASE_SATISFACTION', 1, 'EXTENT', 'Extent'),
    ('INCREASE_SATISFACTION', 2, 'SCOPE', 'Scope'),
    ('INCREASE_SATISFACTION', 3, 'ACCURACY_AND_LEARNABILITY', 'Accuracy and learnability'),
    ('INCREASE_SATISFACTION', 4, 'EXPERTISE', 'Expertise'),

    ('CREATE_DIFFERENTIATED_EXPERIENCES', 1, 'STRATEGY', 'Strategy'),
    ('CREATE_DIFFERENTIATED_EXPERIENCES', 2, 'EXPERTISE', 'Expertise'),
    ('CREATE_DIFFERENTIATED_EXPERIENCES', 3, 'TECHNOLOGY', 'Technology'),
    ('CREATE_DIFFERENTIATED_EXPERIENCES', 4, 'ACCURACY_AND_LEARNABILITY', 'Accuracy'),

    ('UNNAMED_ROW_7', 1, 'SCOPE', 'Scope'),
    ('UNNAMED_ROW_7', 2, 'TECHNOLOGY', 'Technology'),
    ('UNNAMED_ROW_7', 3, 'EXPERTISE', 'Expertise'),
    ('UNNAMED_ROW_7', 4, 'ACCURACY_AND_LEARNABILITY', 'Accuracy and Learnability');
