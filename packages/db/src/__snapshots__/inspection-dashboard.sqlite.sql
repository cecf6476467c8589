-- columnFreshnessFacts

select "id", "agency_id", "parent_id", "code", "name", "kind", "sort_order" from "catalog_columns" where "agency_id" in (?, ?, ?) order by "agency_id", "sort_order", "id";
-- parameters: [3,7,-1]

select "column_id", max("published_at") as "last", cast(count(*) as integer) as "n" from "items" where "agency_id" in (?, ?, ?) and "status" = ? group by "column_id";
-- parameters: [3,7,-1,"published"]

select "r"."agency_id", max("v"."published_on") as "last", max("r"."year") as "year", cast(count(*) as integer) as "n" from "annual_report_versions" as "v" inner join "annual_reports" as "r" on "r"."id" = "v"."report_id" where "r"."agency_id" in (?, ?, ?) group by "r"."agency_id";
-- parameters: [3,7,-1]

-- dashboardFacts

select "agency_id", "check_code", "severity", "fixed_at", "dismissed_at" from "scan_findings" where "agency_id" in (?, ?, ?);
-- parameters: [3,7,-1]

select "agency_id", "received_on", "due_on", "decided_on", "clock_status" from "applications" where "agency_id" in (?, ?, ?) and ("received_on" >= ? or "decided_on" >= ? or "decided_on" is null);
-- parameters: [3,7,-1,"2026-01-01","2026-01-01"]

select "agency_id", "status" from "annual_reports" where "year" = ? and "agency_id" in (?, ?, ?);
-- parameters: [2025,3,7,-1]

select "agency_id", "status", "due_on" from "error_reports" where "agency_id" in (?, ?, ?);
-- parameters: [3,7,-1]

select "agency_id", "column_id", "published_at" from "items" where "agency_id" in (?, ?, ?) and "status" in (?, ?) and "published_at" >= ?;
-- parameters: [3,7,-1,"published","withdrawn","2026-03-01T00:00:00+08:00"]

-- listColumnTree

select "id", "parent_id", "name" from "catalog_columns" where "agency_id" in (?, ?, ?);
-- parameters: [3,7,-1]

-- listPublishedBetween

select "i"."id", "i"."agency_id", "i"."column_id", "i"."index_no", "i"."published_at", "i"."status", "v"."title" from "items" as "i" inner join "item_versions" as "v" on "v"."item_id" = "i"."id" and "v"."version" = "i"."published_version" where "i"."agency_id" in (?, ?, ?) and "i"."status" in (?, ?) and "i"."published_at" >= ? and "i"."published_at" < ? order by "i"."published_at";
-- parameters: [3,7,-1,"published","withdrawn","2026-03-01T00:00:00+08:00","2026-04-01T00:00:00+08:00"]
