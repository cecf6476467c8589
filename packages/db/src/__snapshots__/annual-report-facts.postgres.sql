-- listApplicationRecordRows

select "id", "tracking_code", "info_title", "applicant_kind", "received_on", "outcome_code", "decided_on" from "applications" where "agency_id" = $1 order by "id";
-- parameters: [7]

-- listAgencyAppeals

select * from "application_appeals" where "agency_id" = $1 order by "id";
-- parameters: [7]

-- listItemsPublishedAround

select "column_id", "published_at" from "items" where "agency_id" = $1 and "published_at" is not null and "published_at" >= $2 and "published_at" < $3;
-- parameters: [7,"2024-12-31","2026-01-02"]

-- listAgencyColumnTree

select "id", "parent_id", "name", "sort_order" from "catalog_columns" where "agency_id" = $1;
-- parameters: [7]

-- listFeeEventsOfYear

select "application_events"."type", "application_events"."payload", "application_events"."application_id" from "application_events" inner join "applications" on "applications"."id" = "application_events"."application_id" where "applications"."agency_id" = $1 and "application_events"."type" in ($2, $3) and "application_events"."on_date" >= $4 and "application_events"."on_date" <= $5;
-- parameters: [7,"fee_notice_sent","fee_paid","2025-01-01","2025-12-31"]

-- findReportTemplate

select "body" from "report_templates" where "agency_id" = $1 and "section" = $2;
-- parameters: [7,5]
