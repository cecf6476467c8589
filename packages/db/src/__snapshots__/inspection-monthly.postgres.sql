-- monthlyInspectionFacts

select "agency_id" from "items" where "agency_id" in ($1, $2, $3) and "published_at" >= $4 and "published_at" < $5;
-- parameters: [3,7,-1,"2026-03-01T00:00:00+08:00","2026-04-01T00:00:00+08:00"]

select "f"."id", "f"."agency_id", "f"."item_id", "v"."title", "f"."field", "f"."check_code", "f"."severity", "f"."excerpt", "f"."message", "f"."suggestion", "f"."found_at", "f"."fixed_at", "f"."dismissed_at" from "scan_findings" as "f" left join "items" as "i" on "i"."id" = "f"."item_id" left join "item_versions" as "v" on "v"."item_id" = "i"."id" and "v"."version" = "i"."published_version" where "f"."agency_id" in ($1, $2, $3) and "f"."found_at" < $4 order by "f"."id";
-- parameters: [3,7,-1,"2026-04-01T00:00:00+08:00"]

select "agency_id", "received_on", "due_on", "decided_on", "clock_status" from "applications" where "agency_id" in ($1, $2, $3);
-- parameters: [3,7,-1]

select "agency_id", "due_on", "replied_at", "status" from "error_reports" where "agency_id" in ($1, $2, $3);
-- parameters: [3,7,-1]
